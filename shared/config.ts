// Configuration admins own, from the environment, validated in one place: every missing
// or malformed variable is named in one error. Read lazily, on a function's first call.
import { z } from 'zod';
import { ConfigError } from './errors';

const emailList = z
  .string()
  .transform((s) => s.split(',').map((e) => e.trim()).filter(Boolean))
  .pipe(z.array(z.email()));

const schema = z.object({
  SPREADSHEET_ID: z.string().min(1),
  /** Only the intake verifies signatures; the other functions are deployed without it. */
  INTAKE_SECRET: z.string().min(16).optional(),
  /** The secret being retired during a rotation; both verify until it is removed. */
  INTAKE_SECRET_PREVIOUS: z.string().min(16).optional(),
  SENDGRID_API_KEY: z.string().min(1),
  MAIL_FROM: z.email(),
  MAIL_FROM_NAME: z.string().default('XMESS — Secretaria Tècnica'),
  STAFF_EMAILS: emailList,
  /** Where replies to applicants go; defaults to the first staff address. */
  REPLY_TO: z.email().optional(),
  GOOGLE_ROOT_URL: z.url().optional(),
  SENDGRID_ROOT_URL: z.url().optional(),
});

export type Config = z.infer<typeof schema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(present);
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
