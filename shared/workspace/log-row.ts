// One log entry as a row of the log tab (Registre).
import type { LogEntry } from '../domain/log-entry';

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
