// The intake contract's zod schema, derived from the form definition. Every message is
// Catalan and names the field, so a municipality (or the relay's admin) knows what to fix.
// zod/mini (the functional build) and built on first use: a cold start loads and builds only
// what its first request checks (bench/RESULTS.md, levers).
import * as z from 'zod/mini';
import { ca } from '../i18n/ca';
import { COMMITMENTS, QUESTIONS, type Question } from './form';
import { cleanText, hasLineBreak } from './text';

type Issue = z.core.$ZodRawIssue;
const label = (key: string): string => (ca.fields as Record<string, { label: string }>)[key]?.label ?? key;

/** One Catalan message per zod issue kind, naming the field. */
function messageFor(key: string, iss: Issue): string {
  const l = label(key);
  if (iss.input === undefined || iss.input === null || iss.input === '') return ca.errors.required(l);
  switch (iss.code) {
    case 'too_big':
      return ca.errors.tooLong(l, Number(iss.maximum));
    case 'too_small':
      return ca.errors.required(l);
    case 'invalid_value':
      return ca.errors.invalidChoice(l);
    case 'invalid_format':
      if (iss.format === 'email') return ca.errors.invalidEmail(l);
      if (iss.format === 'datetime') return ca.errors.invalidDate(l);
      if (iss.format === 'regex' && key === 'submissionId') return ca.errors.invalidId(l);
      return ca.errors.invalidType(l);
    default:
      return ca.errors.invalidType(l);
  }
}

const errorFor = (key: string) => ({ error: (iss: Issue) => messageFor(key, iss) });
const clean = (v: unknown) => (typeof v === 'string' ? cleanText(v) : v);
const emptyToUndefined = (v: unknown): unknown => {
  const c = clean(v);
  return c === '' || c === null ? undefined : c;
};

function fieldSchema(question: Question): z.ZodMiniType {
  const { key, max = 4000 } = question;
  const e = errorFor(key);
  let schema: z.ZodMiniType;
  switch (question.kind) {
    case 'line':
    case 'topic':
      schema = z.string(e).check(
        z.minLength(1, e),
        z.maxLength(max, e),
        z.refine((s) => !hasLineBreak(s), { error: () => ca.errors.singleLine(label(key)) }),
      );
      break;
    case 'email':
      schema = z.email(e).check(z.maxLength(max, e));
      break;
    case 'text':
      schema = z.string(e).check(z.minLength(1, e), z.maxLength(max, e));
      break;
    case 'choice':
      schema = z.enum(question.choices as [string, ...string[]], e);
      break;
    case 'yesNo':
      return z.boolean(e);
    case 'commitment':
      throw new Error('commitments are grouped under the `commitments` key');
  }
  // What zod's preprocess does: clean the input, then check it.
  return question.required ? z.pipe(z.transform(clean), schema) : z.pipe(z.transform(emptyToUndefined), z.optional(schema));
}

function buildSchema() {
  const commitments = z.object(
    Object.fromEntries(COMMITMENTS.map((c) => [c, z.literal(true, { error: () => ca.errors.commitment(ca.commitments[c]) })])),
    errorFor('commitments'),
  );
  const shape: Record<string, z.ZodMiniType> = {
    submissionId: z.string(errorFor('submissionId')).check(z.regex(/^[A-Za-z0-9_-]{1,128}$/, errorFor('submissionId'))),
    submittedAt: z.iso.datetime({ offset: true, ...errorFor('submittedAt') }),
    commitments,
  };
  for (const question of QUESTIONS) {
    if (question.kind !== 'commitment') shape[question.key] = fieldSchema(question);
  }
  return z
    .strictObject(shape, {
      error: (iss) =>
        iss.code === 'unrecognized_keys'
          ? iss.keys.map((k) => ca.errors.unknownField(String(k).slice(0, 60))).join(' ')
          : ca.errors.bodyNotObject,
    })
    .check(
      z.superRefine((value, ctx) => {
        if (value.topic === 'other' && !value.topicOther) {
          ctx.addIssue({ code: 'custom', path: ['topicOther'], message: ca.errors.topicOtherMissing });
        }
      }),
    );
}

let built: ReturnType<typeof buildSchema> | undefined;
/** The intake contract's schema, built on its first use and kept. */
export const submissionSchema = () => (built ??= buildSchema());

export interface Submission {
  submissionId: string;
  submittedAt: string;
  municipality: string;
  contactName: string;
  contactRole: string;
  contactEmail: string;
  contactPhone?: string;
  serviceType: 'mentoring' | 'advisory' | 'either';
  topic: string;
  topicOther?: string;
  need: string;
  expectedImpact: string;
  transferability: string;
  alignment: string;
  priorityTheme: boolean;
  priorityThemeDetail?: string;
  trackRecord: 'starting' | 'developing' | 'established';
  modality: 'in_person' | 'remote' | 'either';
  involvement?: string;
  preferredDates?: string;
  commitments: { availability: true; shareLearning: true; provideInformation: true };
}

export type FieldErrors = Record<string, string[]>;

export type ParseResult = { ok: true; value: Submission } | { ok: false; fieldErrors: FieldErrors; formErrors: string[] };

/** Validation failures are values, not exceptions. */
export function parseSubmission(input: unknown): ParseResult {
  const result = submissionSchema().safeParse(input);
  if (result.success) return { ok: true, value: result.data as unknown as Submission };
  const flat = z.flattenError(result.error);
  return { ok: false, fieldErrors: flat.fieldErrors as FieldErrors, formErrors: flat.formErrors };
}
