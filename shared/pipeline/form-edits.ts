// A Google Forms response edited after it became a row: the row is the Commission's and is
// never rewritten, so the edit is logged in Registre (with the new answers, so nothing is
// lost) and staff get one notice for all the edits found together.
import { localStamp } from '../domain/dates';
import { editNotice } from '../emails/edit-notice';
import type { Logger } from '../log';
import type { Mailer } from '../ports';
import type { LogEntry } from '../workspace/log-entry';

export interface EditedItem {
  id: string;
  /** lastSubmittedTime of the edit: with the ID, what makes it the same edit or a new one. */
  version: string;
  body: Record<string, unknown>;
  reference: string;
  municipality: string;
}

/** The idempotency key of one edit in the log: noted once, whichever door or instance sees it. */
export const editKey = (id: string, version: string) => `editada:${id}:${version}`;

export interface EditDeps {
  journal: { appendLog(entries: LogEntry[]): Promise<void> };
  mailer: Mailer;
  staffEmails: string[];
  logger: Logger;
  now: () => Date;
}

export async function noteEdits(edits: readonly EditedItem[], deps: EditDeps): Promise<void> {
  const stamp = localStamp(deps.now());
  const entries: LogEntry[] = edits.map((e) => ({
    requestId: e.id,
    at: stamp,
    kind: 'editada',
    state: 'registrat',
    key: editKey(e.id, e.version),
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
    // The notice is out and this instance will not send it again; another instance could,
    // before the log says so: the documented window.
    deps.logger.log('ERROR', 'forms: edit log not written', { error, count: entries.length });
  }
}
