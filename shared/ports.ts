// The small interfaces the pipeline needs from the outside world, all of them here.
// Adapters implement them against Google Sheets, Google Forms and SendGrid; tests may pass
// in-memory fakes for pure logic.
import type { Call, PoolConfig } from './domain/calls';
import type { ExistingRequest } from './domain/classify';
import type { Member } from './domain/members';
import type { PrivacySettings } from './domain/privacy';
import type { CellValue } from './workspace/request-row';
import type { LogEntry } from './domain/log-entry';
import type { SweepState } from './domain/workspace-state';
import type { FormDoc, FormRequest, FormResponse, FormWatch, PublishState } from './forms/form-source';

/** Everything intake needs to know before writing, read in one go. */
export interface IntakeSnapshot {
  calls: Call[];
  members: Member[];
  existing: ExistingRequest[];
  /** The network's data-protection notice (the default when the sheet has none). */
  privacy?: PrivacySettings;
  /** The pools tab: what each call offers, and the yearly pools. */
  pools?: PoolConfig[];
}

export interface WorkspaceStore {
  readIntakeSnapshot(): Promise<IntakeSnapshot>;
  /**
   * Appends request rows (header → value) and log entries in one write, abandoned after
   * `timeoutMs` (the lease it runs under must not expire while it may still be applied).
   */
  appendRequests(rows: Record<string, CellValue>[], log: LogEntry[], opts?: { timeoutMs?: number }): Promise<void>;
  appendLog(log: LogEntry[]): Promise<void>;
}

/** What the scheduled sweep needs: one read of everything, and the log to append to. */
export interface SweepStore {
  readSweepState(): Promise<SweepState>;
  /**
   * `evaluations`: answers as rows of the Avaluacions tab, below the last one (only the sweep
   * writes there), in the same write as the log entries. Abandoned after `timeoutMs` (the
   * intents are written under the lease, which must not expire while they may still land).
   */
  appendLog(log: LogEntry[], evaluations?: CellValue[][], opts?: { timeoutMs?: number }): Promise<void>;
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

/**
 * The one thing the cross-process lease needs from a store: create-if-absent, read with a
 * version, and delete-if-unchanged. Cloud Storage gives all three with generation
 * preconditions (shared/adapters/storage.ts); unit tests pass an in-memory fake.
 */
export interface LeaseStore {
  /** Writes the object only if none exists: its generation, or 'held' if one exists. */
  create(name: string, body: string): Promise<string | 'held'>;
  /** The current object, or undefined if there is none. */
  read(name: string): Promise<LeaseRecord | undefined>;
  /** Deletes the object only if its generation is still `generation`: false if not (or gone). */
  remove(name: string, generation: string): Promise<boolean>;
}

export interface LeaseRecord {
  /** Changes on every write of the object, never repeats: the fencing token. */
  generation: string;
  body: string;
}
