// Listed Google Forms responses → the intake pipeline, for the Pub/Sub function and the
// sweep's reconciliation alike. Idempotent on (responseId, lastSubmittedTime): a response
// already handled by this instance costs nothing; one already in the sheet comes back
// "duplicate" from the pipeline; an edit never rewrites its row, it is logged and staff
// are told once.
import { localStamp } from '../domain/dates';
import { parseSubmission } from '../domain/schema';
import { editNotice } from '../emails/edit-notice';
import { UpstreamError } from '../errors';
import { responseToBody } from '../forms/answers';
import type { FormResponse } from '../forms/form-source';
import type { Logger } from '../log';
import type { Mailer } from '../ports';
import type { SweepState } from '../sweep/state';
import type { LogEntry } from '../workspace/log-entry';
import type { IntakePipeline } from './intake';

/** What the workspace already holds, read only when a response needs it. */
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
  journal: FormsJournal;
  mailer: Mailer;
  staffEmails: string[];
  logger: Logger;
  now?: () => Date;
}

export interface TakeCounts {
  listed: number;
  created: number;
  duplicates: number;
  invalid: number;
  edits: number;
  /** Already handled: by this instance, or recorded as invalid in the log. */
  skipped: number;
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

const versionOf = (r: FormResponse) => r.lastSubmittedTime ?? r.createTime ?? '';
const isEdited = (r: FormResponse) => Date.parse(r.lastSubmittedTime ?? '') - Date.parse(r.createTime ?? '') > EDIT_GAP_MS;
export const editKey = (id: string, version: string) => `editada:${id}:${version}`;

/** Recorded invalid since this version was submitted (an edit after that is new data). */
function invalidRecorded(known: KnownState, i: Item): boolean {
  const at = known.keys.get(`invalida:${i.id}`);
  if (at === undefined) return false;
  return Number.isNaN(Date.parse(i.version)) || at >= localStamp(new Date(i.version));
}

export function createResponseIntake(deps: ResponseIntakeDeps): ResponseIntake {
  const now = deps.now ?? (() => new Date());
  /** responseId → the version this instance has recorded (or found recorded). */
  const handled = new Map<string, string>();

  async function noteEdits(edits: Array<Item & { reference: string; municipality: string }>): Promise<void> {
    const stamp = localStamp(now());
    const entries: LogEntry[] = edits.map((e) => ({
      requestId: e.id,
      at: stamp,
      kind: 'editada',
      state: 'registrat',
      key: editKey(e.id, e.version),
      // The new answers are kept here, so nothing the applicant sent is lost.
      detail: JSON.stringify({ referencia: e.reference, modificada: e.version, respostes: e.body }),
    }));
    const notice = editNotice(edits.map((e) => ({ reference: e.reference, municipality: e.municipality, editedAt: e.version })), deps.staffEmails);
    if (notice) {
      let result: { messageId?: string; error?: unknown };
      try {
        result = { messageId: (await deps.mailer.send(notice)).messageId };
      } catch (error) {
        deps.logger.log('WARNING', 'forms: edit notice failed', { error });
        result = { error };
      }
      for (const e of edits) {
        entries.push({
          requestId: e.id,
          at: stamp,
          kind: 'avis_personal',
          state: result.error ? 'error' : 'enviat',
          key: `avis_personal:${editKey(e.id, e.version)}`,
          detail: result.error ? `intent 1: ${String((result.error as Error).message ?? result.error)}` : `missatge ${result.messageId}`,
        });
      }
    }
    try {
      await deps.journal.appendLog(entries);
    } catch (error) {
      // The notice is out and this instance will not send it again; another instance
      // could, before the log says so: the documented window.
      deps.logger.log('ERROR', 'forms: edit log not written', { error, count: entries.length });
    }
  }

  async function take(responses: readonly FormResponse[], opts: TakeOptions = {}): Promise<TakeCounts> {
    const counts: TakeCounts = { listed: responses.length, created: 0, duplicates: 0, invalid: 0, edits: 0, skipped: 0 };
    const latest = new Map<string, FormResponse>();
    for (const r of responses) {
      if (!r.responseId) continue;
      const prev = latest.get(r.responseId);
      if (!prev || versionOf(r) > versionOf(prev)) latest.set(r.responseId, r);
    }
    const items: Item[] = [];
    for (const r of latest.values()) {
      const id = r.responseId!;
      // With the workspace in hand (reconciliation) the sheet decides, not this memory:
      // a row someone deleted comes back, as every listed response must have one.
      if (!opts.known && handled.get(id) === versionOf(r)) {
        counts.skipped++;
        continue;
      }
      const body = responseToBody(r);
      items.push({ id, version: versionOf(r), body, valid: parseSubmission(body).ok, edited: isEdited(r) });
    }
    if (!items.length) return counts;

    // Only an invalid or edited response needs the log (to note it once), so the common
    // case, new valid responses, costs the pipeline's own read and write.
    const known = opts.known ?? (items.some((i) => !i.valid || i.edited) ? await deps.journal.readKnown() : undefined);
    const edits: Array<Item & { reference: string; municipality: string }> = [];
    const noteIfEdited = (i: Item, reference: string, municipality: string) => {
      if (i.edited && !known?.keys.has(editKey(i.id, i.version))) edits.push({ ...i, reference, municipality });
    };
    const toSubmit: Item[] = [];
    for (const i of items) {
      const row = known?.rows.get(i.id);
      if (row) {
        counts.duplicates++;
        noteIfEdited(i, row.reference, row.municipality);
        handled.set(i.id, i.version);
      } else if (known && !i.valid && invalidRecorded(known, i)) {
        counts.skipped++;
        handled.set(i.id, i.version);
      } else toSubmit.push(i);
    }

    let unavailable = 0;
    if (toSubmit.length) {
      const outcomes = await deps.pipeline.submitMany(toSubmit.map((i) => ({ kind: 'json' as const, body: i.body })));
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
      await noteEdits(edits);
    }
    // Thrown after the rest is recorded, so the trigger's retry only redoes what failed.
    if (unavailable) throw new UpstreamError('sheets', true, { message: `intake unavailable for ${unavailable} form responses` });
    return counts;
  }

  return { take };
}
