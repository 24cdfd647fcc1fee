// The small interfaces the pipeline needs from the outside world. Adapters implement
// them against Google Sheets and SendGrid; tests may pass in-memory fakes for pure logic.
import type { Call } from './domain/calls';
import type { ExistingRequest } from './domain/classify';
import type { Member } from './domain/members';
import type { CellValue } from './workspace/request-row';
import type { LogEntry } from './workspace/log-entry';
import type { SweepState } from './sweep/state';

/** Everything intake needs to know before writing, read in one go. */
export interface IntakeSnapshot {
  calls: Call[];
  members: Member[];
  existing: ExistingRequest[];
}

export interface WorkspaceStore {
  readIntakeSnapshot(): Promise<IntakeSnapshot>;
  /** Appends request rows (header → value) and log entries in one write. */
  appendRequests(rows: Record<string, CellValue>[], log: LogEntry[]): Promise<void>;
  appendLog(log: LogEntry[]): Promise<void>;
}

/** What the scheduled sweep needs: one read of everything, and the log to append to. */
export interface SweepStore {
  readSweepState(): Promise<SweepState>;
  appendLog(log: LogEntry[]): Promise<void>;
}

export interface OutgoingEmail {
  to: string[];
  /** Recipients who must not see each other (announcements to all members). */
  bcc?: string[];
  subject: string;
  text: string;
  html: string;
  replyTo?: string;
  /** Travels with the message and comes back in SendGrid's event webhooks. */
  customArgs?: Record<string, string>;
  categories?: string[];
}

export interface Mailer {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
}
