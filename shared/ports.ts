// The small interfaces the pipeline needs from the outside world, all of them here.
// Adapters implement them against Google Sheets, Google Forms and SendGrid; tests may pass
// in-memory fakes for pure logic.
import type { Call, PoolConfig } from './domain/calls';
import type { ExistingRequest } from './domain/classify';
import type { Member } from './domain/members';
import type { CellValue } from './workspace/request-row';
import type { LogEntry } from './domain/log-entry';
import type { SweepState } from './domain/workspace-state';
import type { FormDoc, FormRequest, FormResponse, FormWatch, PublishState } from './forms/form-source';

/** Everything intake needs to know before writing, read in one go. */
export interface IntakeSnapshot {
  calls: Call[];
  members: Member[];
  existing: ExistingRequest[];
  /** The pools tab: what each call offers, and the yearly pools. */
  pools?: PoolConfig[];
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

/** The Google Forms API as the Google Form door uses it. */
export interface FormSource {
  create(info: { title: string; documentTitle: string }): Promise<FormDoc>;
  get(formId: string): Promise<FormDoc>;
  /** All requests apply or none do (the API's own guarantee). */
  batchUpdate(formId: string, requests: FormRequest[]): Promise<void>;
  /** forms.setPublishSettings (mask publishState): the settings Google answers with. */
  setPublishSettings(formId: string, state: { isPublished: boolean; isAcceptingResponses: boolean }): Promise<PublishState>;
  /** Every page; `since` (RFC 3339 Zulu) becomes `filter=timestamp > since`. */
  listResponses(formId: string, since?: string): Promise<FormResponse[]>;
  listWatches(formId: string): Promise<FormWatch[]>;
  createWatch(formId: string, topicName: string): Promise<FormWatch>;
  /** undefined when the watch is gone (NOT_FOUND: it expired): create a new one. */
  renewWatch(formId: string, watchId: string): Promise<FormWatch | undefined>;
  deleteWatch(formId: string, watchId: string): Promise<void>;
}
