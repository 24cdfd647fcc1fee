// Configuration admins own, from the environment, validated in one place: every missing
// or malformed variable is named in one error. Read lazily, on a function's first call.
// Every function reads the same schema; what only one of them needs is optional here and
// required where it is used (intakeSecrets, formsConfig). zod/mini, the same library's
// functional build: it is all an instance loads before its first request, and the full
// build's import alone took ~40 ms of a cold start (bench/RESULTS.md, levers).
import * as z from 'zod/mini';
import { ConfigError } from '../errors';
import { present, type Env } from './env';

const email = z.email();
/** One address, as the functions and deploy accept it. */
export const isEmail = (value: string): boolean => email.safeParse(value).success;
export const splitList = (value: string): string[] => value.split(',').map((e) => e.trim()).filter(Boolean);

const emailList = z.pipe(z.pipe(z.string(), z.transform(splitList)), z.array(email));
const nonEmpty = () => z.string().check(z.minLength(1));
const secret = () => z.optional(z.string().check(z.minLength(16)));
const formId = () => z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{10,}$/)));

const schema = z.object({
  SPREADSHEET_ID: nonEmpty(),
  /** Only the intake verifies signatures; the other functions are deployed without it. */
  INTAKE_SECRET: secret(),
  /** The secret being retired during a rotation; both verify until it is removed. */
  INTAKE_SECRET_PREVIOUS: secret(),
  SENDGRID_API_KEY: nonEmpty(),
  MAIL_FROM: email,
  MAIL_FROM_NAME: z._default(z.string(), 'XMESS — Secretaria Tècnica'),
  STAFF_EMAILS: emailList,
  /** Where replies to applicants go; defaults to the first staff address. */
  REPLY_TO: z.optional(email),
  GOOGLE_ROOT_URL: z.optional(z.url()),
  SENDGRID_ROOT_URL: z.optional(z.url()),
  /** The Google Form's ID (printed by `npm run form -- create`); unset: no Google Form door. */
  FORM_ID: formId(),
  /** The evaluation form's ID (printed by `npm run form -- evaluation`); unset: no evaluation after the service. */
  EVALUATION_FORM_ID: formId(),
  /** projects/{project}/topics/{topic} the RESPONSES watch publishes to; unset: no watch. */
  FORMS_TOPIC: z.optional(z.string().check(z.regex(/^projects\/[^/]+\/topics\/[A-Za-z][\w.~+%-]{2,254}$/))),
  /** The Cloud Storage bucket of the write lease every writing function takes (deploy creates it). */
  LEASE_BUCKET: z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/)),
  /** How long a holder keeps the lease: a crashed holder delays the others at most this long. */
  LEASE_SECONDS: z._default(z.pipe(z.coerce.number(), z.int().check(z.gte(5), z.lte(600))), 60),
  /** How long a write waits for another holder before answering 503 (or a redelivery). */
  LEASE_WAIT_SECONDS: z._default(z.coerce.number().check(z.gte(0), z.lte(300)), 20),
  /** DEBUG, INFO, WARNING, ERROR or SILENT. */
  LOG_LEVEL: z._default(z.string(), 'INFO'),
});

export type Config = z.infer<typeof schema>;

export function loadConfig(env: Env): Config {
  const result = schema.safeParse(present(env));
  if (!result.success) {
    const names = [...new Set(result.error.issues.map((i) => String(i.path[0])))];
    throw new ConfigError(names);
  }
  return result.data;
}

/** The secrets a signature may use; the intake cannot run without the current one. */
export function intakeSecrets(c: Config): string[] {
  if (!c.INTAKE_SECRET) throw new ConfigError(['INTAKE_SECRET']);
  return [c.INTAKE_SECRET, c.INTAKE_SECRET_PREVIOUS].filter((s): s is string => Boolean(s));
}

/** The Google Form door cannot run without its form. */
export function formsConfig(c: Config): { formId: string; topicName?: string } {
  if (!c.FORM_ID) throw new ConfigError(['FORM_ID']);
  return { formId: c.FORM_ID, topicName: c.FORMS_TOPIC };
}

/**
 * The lease's settings: one object per spreadsheet, so every writer of the same sheet (all
 * doors, every instance) meets on it, and different deployments never wait for each other.
 */
export function leaseSettings(c: Config) {
  return {
    bucket: c.LEASE_BUCKET,
    name: `xmess/requests-${c.SPREADSHEET_ID}.lease`,
    leaseMs: c.LEASE_SECONDS * 1000,
    waitMs: c.LEASE_WAIT_SECONDS * 1000,
  };
}

/** Where replies to applicants and staff notices go. */
export const replyTo = (c: Config): string | undefined => c.REPLY_TO ?? c.STAFF_EMAILS[0];
