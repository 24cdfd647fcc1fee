// One change to a valid body, and what it does to the intake contract's answer: nothing
// (the row is recorded, whatever the text looks like) or a 400 that names the field. The
// expectation follows from the change alone, by the contract's normalisation (cleanText)
// and the form's limits, never by asking the code under test. Here: hostile text, line
// breaks, look-alikes; the changes that must be refused are in hostile-invalid.ts.
import fc from 'fast-check';
import { QUESTIONS } from '../../shared/domain/form';
import { cleanText } from '../../shared/domain/text';
import { hostileText } from './hostile-text';

/** A field the 400 must name, or a form error: an unknown key, or any message at all. */
export type Breaks = { field: string } | { form: 'unknown-key' | 'any' };

export interface Mutation {
  label: string;
  /** The keys it writes: a later mutation of the same key replaces it. */
  keys: string[];
  apply(body: Record<string, unknown>): void;
  /** What it makes invalid, or nothing when the body must still be recorded. */
  breaks?: Breaks;
  /** Only checked when it is the body's only breaking mutation (checked after the schema). */
  late?: boolean;
}

export const question = (key: string) => QUESTIONS.find((q) => q.key === key)!;
export const LINE = ['municipality', 'contactName', 'contactRole', 'contactPhone'] as const;
export const TEXT = ['need', 'expectedImpact', 'transferability', 'alignment', 'priorityThemeDetail', 'involvement', 'preferredDates'] as const;
export const USER_TEXT_KEYS = [...LINE, ...TEXT, 'topicOther'] as const;

/** Setting a text field: recorded as its normalised text, or refused with the field named. */
export function setText(key: string, value: string, label: string): Mutation {
  const q = question(key);
  const c = cleanText(value);
  const single = q.kind === 'line';
  const wrong = (c === '' && q.required) || c.length > (q.max ?? 4000) || (single && /[\n\u2028\u2029]/.test(c));
  return { label: `${label} in ${key}`, keys: [key], apply: (b) => void (b[key] = value), ...(wrong ? { breaks: { field: key } } : {}) };
}

export const text = fc.oneof(
  fc.tuple(fc.constantFrom(...LINE), hostileText({ breaks: false, maxPieces: 2 })).map(([k, v]) => setText(k, v, 'hostile text')),
  fc.tuple(fc.constantFrom(...TEXT), hostileText({ breaks: true })).map(([k, v]) => setText(k, v, 'hostile text')),
  fc.tuple(fc.constantFrom(...LINE), hostileText({ breaks: true, maxPieces: 2 }), fc.constantFrom('\r\n', '\n', '\r', '\u2028'))
    .map(([k, v, br]) => setText(k, `${v}${br}Bcc: tothom@example.cat`, 'CR/LF')),
  hostileText({ breaks: false, maxPieces: 2 }).map((v): Mutation => ({
    label: 'hostile text in topicOther',
    keys: ['topic', 'topicOther'],
    apply: (b) => Object.assign(b, { topic: 'other', topicOther: v }),
    ...(setText('topicOther', v, '').breaks ? { breaks: { field: 'topicOther' } } : {}),
  })),
);

export const missingOptional = fc.constantFrom('contactPhone', 'priorityThemeDetail', 'involvement', 'preferredDates').map(
  (k): Mutation => ({ label: `optional ${k} missing`, keys: [k], apply: (b) => void delete b[k] }),
);

/** Valid values that look like something else; they must be recorded as typed (normalised). */
export const lookalike = fc.oneof(
  fc.constantFrom('Ajuntament de Sant Cugat del Valle\u0300s', 'AJUNTAMENT DE CELRÀ', 'Ajuntament de l\'Hospitalet de Llobregat', '＝Barcelona', '=Manresa', '<b>Manresa</b>', 'Ajuntament\u202E de Manresa')
    .map((v) => setText('municipality', v, 'look-alike name')),
  fc.constantFrom('Comerc\u0327 i ESS', 'ENERGIA', '  energia  ').map((v): Mutation => ({ label: `topic ${JSON.stringify(v)}`, keys: ['topic'], apply: (b) => void (b.topic = v) })),
  fc.constantFrom("o'brien+test@example.cat", 'NOM.COGNOM@EXAMPLE.CAT', '-1@example.cat').map((v): Mutation => ({ label: `email ${v}`, keys: ['contactEmail'], apply: (b) => void (b.contactEmail = v) })),
);

export const topicNotOffered = fc.constantFrom('Astronàutica', '＝Energia', '=Energia', '<b>Energia</b>', 'Energia\u0000x').map(
  (v): Mutation => ({ label: `topic ${JSON.stringify(v)} not offered`, keys: ['topic'], apply: (b) => void (b.topic = v), breaks: { field: 'topic' }, late: true }),
);

/** Changes a body must survive: recorded, its hostile text stored and mailed as text. */
/**
 * A sender's clock anywhere, in valid ISO 8601: recorded in the call open when it arrives,
 * never late for it, with the sender's stamp kept.
 */
export const FORGED_TIME = 'forged submittedAt';
export const forgedTime = fc
  .constantFrom('0000-01-01T00:00:00Z', '2020-04-01T00:00:00+02:00', '2999-12-31T23:59:59Z', '1970-01-01T00:00:00-12:00', '2020-05-08T23:59:59+02:00')
  .map((v): Mutation => ({ label: `${FORGED_TIME} ${v}`, keys: ['submittedAt'], apply: (b) => void (b.submittedAt = v) }));

export const harmless: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 1, arbitrary: forgedTime },
  { weight: 6, arbitrary: text.filter((m) => !m.breaks) },
  { weight: 2, arbitrary: lookalike },
  { weight: 1, arbitrary: missingOptional },
);
