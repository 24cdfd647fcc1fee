// Listed Google Forms responses → the intake pipeline, for the Pub/Sub function and the
// sweep's reconciliation alike. Idempotent on (responseId, lastSubmittedTime): a response
// already handled by this instance costs nothing; one already in the sheet comes back
// "duplicate" from the pipeline; an edit never rewrites its row, it is logged and staff
// are told once.
//
// Noting an edit or an invalid response once needs to know whether it was noted before.
// The function does not read the log for a valid first-hand response (it would cost a Sheets
// call on the hot path): submitted after this instance started, it can only have been seen
// by this instance (formResponses runs with max-instances=1), so memory is exact. Edits and
// invalid ones from before are left to the sweep's reconciliation, which reads rows and log
// keys anyway. The workspace is read once when the function lists a valid response from
// before it started (a cold start recovers what a lost notification left behind, but the
// pipeline may refuse it, an area its call does not offer, and would record and tell staff
// again on every cold start) or a first-hand invalid one (the Apps Script relay may have
// recorded it a moment before).
import { localStamp } from '../domain/dates';
import { parseSubmission } from '../domain/schema';
import { UpstreamError } from '../errors';
import { responseToBody } from '../forms/answers';
import type { FormResponse } from '../forms/form-source';
import type { Logger } from '../log';
import type { Mailer } from '../ports';
import type { LogEntry } from '../domain/log-entry';
import type { SweepState } from '../domain/workspace-state';
import { outboxKey } from '../outbox';
import { noteEdits, type EditedItem } from './form-edits';
import type { IntakePipeline } from './intake';

/** What the workspace already holds: the reconciliation reads it once per run. */
export interface KnownState {
  rows: Map<string, { reference: string; municipality: string }>;
  /** Log key → the latest stamp it was written at. */
  keys: Map<string, string>;
}

export interface FormsJournal {
  readKnown(): Promise<KnownState>;
  appendLog(entries: LogEntry[]): Promise<void>;
}

export function knownFromSweepState(state: Pick<SweepState, 'requests' | 'log'>): KnownState {
  const keys = new Map<string, string>();
  for (const e of state.log) if (e.key && (keys.get(e.key) ?? '') < e.at) keys.set(e.key, e.at);
  return { rows: new Map(state.requests.map((r) => [r.id, { reference: r.reference, municipality: r.municipality }])), keys };
}

export interface ResponseIntakeDeps {
  pipeline: IntakePipeline;
  /** Where edits are logged (the pipeline's read has primed it by then); what it holds. */
  journal: FormsJournal;
  mailer: Mailer;
  staffEmails: string[];
  logger: Logger;
  now?: () => Date;
  /** When this instance started; defaults to its creation. */
  bootAt?: Date;
}

export interface TakeCounts {
  listed: number;
  created: number;
  duplicates: number;
  invalid: number;
  edits: number;
  /** Already handled: by this instance, or recorded as invalid in the log. */
  skipped: number;
  /** Invalid or edited before this instance started: the reconciliation's to note. */
  deferred: number;
}

export interface TakeOptions {
  /** What the workspace holds, already read by the caller (the reconciliation reads it first). */
  known?: KnownState;
}

export interface ResponseIntake {
  take(responses: readonly FormResponse[], opts?: TakeOptions): Promise<TakeCounts>;
}

// Forms stamps createTime and lastSubmittedTime separately on a first submission; only a
// gap beyond this is a respondent coming back to change their answers.
const EDIT_GAP_MS = 1000;

interface Item {
  id: string;
  version: string;
  body: Record<string, unknown>;
  valid: boolean;
  edited: boolean;
}

/** Google's createTime (answers.ts puts it in submittedAt): the Forms door's time of receipt. */
const receivedAtOf = (i: Item): string | undefined => (typeof i.body.submittedAt === 'string' ? i.body.submittedAt : undefined);
const versionOf = (r: FormResponse) => r.lastSubmittedTime ?? r.createTime ?? '';
const isEdited = (r: FormResponse) => Date.parse(r.lastSubmittedTime ?? '') - Date.parse(r.createTime ?? '') > EDIT_GAP_MS;

/** Recorded invalid since this version was submitted (an edit after that is new data). */
function invalidRecorded(known: KnownState, i: Item): boolean {
  const at = known.keys.get(outboxKey.invalid(i.id).key);
  if (at === undefined) return false;
  return Number.isNaN(Date.parse(i.version)) || at >= localStamp(new Date(i.version));
}

export function createResponseIntake(deps: ResponseIntakeDeps): ResponseIntake {
  const now = deps.now ?? (() => new Date());
  // Submitted after this instance started, a version cannot have reached an earlier one.
  // Residual window: an old instance still draining as this one starts (Cloud Run may
  // briefly exceed max-instances), or clock skew between Google and us (NTP: far below a
  // second); then staff could get a second notice for one edit.
  const bootMs = (deps.bootAt ?? now()).getTime();
  const firstHand = (i: Item) => Date.parse(i.version) > bootMs;
  /** responseId → the version this instance has recorded (or found recorded). */
  const handled = new Map<string, string>();

  async function take(responses: readonly FormResponse[], opts: TakeOptions = {}): Promise<TakeCounts> {
    const counts: TakeCounts = { listed: responses.length, created: 0, duplicates: 0, invalid: 0, edits: 0, skipped: 0, deferred: 0 };
    const latest = new Map<string, FormResponse>();
    for (const r of responses) {
      if (!r.responseId) continue;
      const prev = latest.get(r.responseId);
      if (!prev || versionOf(r) > versionOf(prev)) latest.set(r.responseId, r);
    }
    const items: Item[] = [];
    for (const r of latest.values()) {
      const id = r.responseId!;
      // With the workspace in hand (reconciliation) the sheet and the log decide, not this
      // memory (a row someone removed is not made again: the log says it was recorded).
      if (!opts.known && handled.get(id) === versionOf(r)) {
        counts.skipped++;
        continue;
      }
      const body = responseToBody(r);
      items.push({ id, version: versionOf(r), body, valid: parseSubmission(body).ok, edited: isEdited(r) });
    }
    if (!items.length) return counts;

    const known = opts.known;
    const deferred = (i: Item) => !known && (!i.valid || i.edited) && !firstHand(i);
    // Older responses: once per instance, as a rule (this pass handles every one it lists).
    // An invalid one, rare: the relay may have recorded it already, and the pipeline would again.
    const workspace = known ?? (items.some((i) => !deferred(i) && (!firstHand(i) || !i.valid)) ? await deps.journal.readKnown() : undefined);
    const edits: EditedItem[] = [];
    const noteIfEdited = (i: Item, reference: string, municipality: string) => {
      if (i.edited && !workspace?.keys.has(outboxKey.edit(i.id, i.version).key)) edits.push({ ...i, reference, municipality });
    };
    const toSubmit: Item[] = [];
    for (const i of items) {
      const row = workspace?.rows.get(i.id);
      if (deferred(i)) {
        counts.deferred++; // noted or not, the next reconciliation knows
        handled.set(i.id, i.version);
      } else if (row) {
        counts.duplicates++;
        noteIfEdited(i, row.reference, row.municipality);
        handled.set(i.id, i.version);
      } else if (workspace?.keys.has(outboxKey.received(i.id).key)) {
        // Recorded once, its row since removed by a person: not again (a second confirmation
        // with a new reference); the sweep tells staff once.
        counts.skipped++;
        handled.set(i.id, i.version);
      } else if (workspace && invalidRecorded(workspace, i)) {
        // Also a response only the pipeline finds invalid (an area its call does not offer):
        // recorded once, not again on every sweep.
        counts.skipped++;
        handled.set(i.id, i.version);
      } else toSubmit.push(i);
    }

    let unavailable = 0;
    if (toSubmit.length) {
      const outcomes = await deps.pipeline.submitMany(toSubmit.map((i) => ({ kind: 'json' as const, body: i.body, receivedAt: receivedAtOf(i) })));
      outcomes.forEach((o, n) => {
        const i = toSubmit[n]!;
        if (o.status === 'unavailable') {
          unavailable++;
          return;
        }
        if (o.status === 'created') counts.created++;
        else if (o.status === 'invalid') counts.invalid++;
        else {
          counts.duplicates++;
          noteIfEdited(i, o.reference, String(i.body.municipality ?? ''));
        }
        handled.set(i.id, i.version);
      });
    }
    if (edits.length) {
      counts.edits = edits.length;
      await noteEdits(edits, { ...deps, now });
    }
    // Thrown after the rest is recorded, so the trigger's retry only redoes what failed.
    if (unavailable) throw new UpstreamError('sheets', true, { message: `intake unavailable for ${unavailable} form responses` });
    return counts;
  }

  return { take };
}
