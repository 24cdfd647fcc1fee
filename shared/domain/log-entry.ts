// The log tab (Registre) is the machine's memory: append-only, keyed by request ID and by
// an idempotency key, never by row number (people sort and insert rows). Its keys and
// entries are built only in shared/outbox/.

/** What an entry records; each kind is also its keys' prefix (shared/outbox/keys.ts). */
export const LOG_KIND = {
  received: 'rebuda', // a request was recorded
  invalid: 'invalida', // a submission failed validation (its body is kept in the detail)
  confirmation: 'confirmacio', // confirmation email to the applicant
  staffNotice: 'avis_personal', // notice to staff
  decision: 'decisio', // a Commission decision (or its correction) emailed to the applicant
  announcement: 'difusio', // an agreed advisory announced to the other members
  reported: 'resum', // an item already reported in a staff digest
  blocked: 'bloquejada', // an acceptance held back: it would take a pool below zero
  alert: 'alerta', // something only a person can solve (e.g. a confirmation that never went out)
  edited: 'editada', // a Google Forms response re-submitted with changes: logged, the row is never rewritten
  evaluation: 'avaluacio', // the evaluation asked of a municipality once its service is over, once per request
  anonymised: 'anonimitzada', // a closed call's personal data anonymised by `npm run retention` (the one sanctioned rewrite)
} as const;

export type LogKind = (typeof LOG_KIND)[keyof typeof LOG_KIND];

export type LogState = 'registrat' | 'pendent' | 'enviat' | 'error';

export interface LogEntry {
  requestId: string;
  at: string; // Catalan local stamp
  kind: LogKind;
  state: LogState;
  key: string;
  detail: string;
}
