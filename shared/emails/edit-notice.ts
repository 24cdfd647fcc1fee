// One notice to staff for the form responses found edited after they became rows: the
// row is never rewritten, so a person decides what to carry over from the Registre.
import { LOG_KIND } from '../domain/log-entry';
import { localStamp } from '../domain/dates';
import { caForms } from '../i18n/ca-forms';
import type { OutgoingEmail } from '../ports';
import { staffListEmail } from './staff-list';

const t = caForms.editNotice;

export interface EditedResponse {
  reference: string;
  municipality: string;
  /** lastSubmittedTime of the edit (RFC 3339). */
  editedAt: string;
}

export function editNotice(edits: readonly EditedResponse[], staff: string[]): OutgoingEmail | undefined {
  if (!staff.length || !edits.length) return undefined;
  const lines = edits.map((e) => {
    const when = Number.isNaN(Date.parse(e.editedAt)) ? e.editedAt : localStamp(new Date(e.editedAt));
    return { title: t.line(e.reference, e.municipality), detail: t.detail(when) };
  });
  return staffListEmail({ subject: t.subject(edits.length), intro: t.intro, items: lines, staff, kind: LOG_KIND.edited, category: LOG_KIND.staffNotice });
}
