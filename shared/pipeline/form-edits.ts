// A Google Forms response edited after it became a row: the row is the Commission's and is
// never rewritten, so the edit is logged in Registre (with the new answers, so nothing is
// lost) and staff get one notice for all the edits found together.
import { localStamp } from '../domain/dates';
import { editNotice } from '../emails/edit-notice';
import type { Logger } from '../log';
import type { Mailer } from '../ports';
import type { LogEntry } from '../domain/log-entry';
import { mark, outboxKey, sendResult, type SendOutcome } from '../outbox';

export interface EditedItem {
  id: string;
  /** lastSubmittedTime of the edit: with the ID, what makes it the same edit or a new one. */
  version: string;
  body: Record<string, unknown>;
  reference: string;
  municipality: string;
}

export interface EditDeps {
  journal: { appendLog(entries: LogEntry[]): Promise<void> };
  mailer: Mailer;
  staffEmails: string[];
  logger: Logger;
  now: () => Date;
}

export async function noteEdits(edits: readonly EditedItem[], deps: EditDeps): Promise<void> {
  const at = localStamp(deps.now());
  const entries: LogEntry[] = edits.map((e) =>
    mark({
      requestId: e.id,
      at,
      ...outboxKey.edit(e.id, e.version),
      detail: JSON.stringify({ referencia: e.reference, modificada: e.version, respostes: e.body }),
    }),
  );
  const notice = editNotice(edits.map((e) => ({ reference: e.reference, municipality: e.municipality, editedAt: e.version })), deps.staffEmails);
  if (notice) {
    let outcome: SendOutcome;
    try {
      outcome = { messageId: (await deps.mailer.send(notice)).messageId };
    } catch (error) {
      deps.logger.log('WARNING', 'forms: edit notice failed', { error });
      outcome = { error };
    }
    for (const e of edits) entries.push(sendResult({ requestId: e.id, at, ...outboxKey.staffNoticeEdit(e.id, e.version), attempt: 1, outcome }));
  }
  try {
    await deps.journal.appendLog(entries);
  } catch (error) {
    // The notice is out and this instance will not send it again; another instance could,
    // before the log says so: the documented window.
    deps.logger.log('ERROR', 'forms: edit log not written', { error, count: entries.length });
  }
}
