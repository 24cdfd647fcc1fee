// The log tab (Registre) is the machine's memory: append-only, keyed by request ID and by
// an idempotency key, never by row number (people sort and insert rows).

export type LogKind =
  | 'rebuda' // a request was recorded
  | 'invalida' // a submission failed validation (its body is kept in the detail)
  | 'confirmacio' // confirmation email to the applicant
  | 'avis_personal' // notice to staff
  | 'decisio' // a Commission decision (or its correction) emailed to the applicant
  | 'difusio' // an agreed advisory announced to the other members
  | 'resum' // an item already reported in a staff digest
  | 'bloquejada' // an acceptance held back: it would take a pool below zero
  | 'alerta' // something only a person can solve (e.g. a confirmation that never went out)
  | 'editada'; // a Google Forms response re-submitted with changes: logged, the row is never rewritten

export type LogState = 'registrat' | 'pendent' | 'enviat' | 'error';

export interface LogEntry {
  requestId: string;
  at: string; // Catalan local stamp
  kind: LogKind;
  state: LogState;
  key: string;
  detail: string;
}

// A Sheets cell holds at most 50,000 characters; keep room for the JSON around a body.
export const MAX_DETAIL = 45_000;

export const toLogRow = (e: LogEntry): string[] => [
  e.requestId,
  e.at,
  e.kind,
  e.state,
  e.key,
  e.detail.length > MAX_DETAIL ? `${e.detail.slice(0, MAX_DETAIL)}… [retallat]` : e.detail,
];
