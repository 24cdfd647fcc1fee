// One notice to staff for the form responses found edited after they became rows: the
// row is never rewritten, so a person decides what to carry over from the Registre.
import { localStamp } from '../domain/dates';
import { caForms } from '../i18n/ca-forms';
import { caMail } from '../i18n/ca-mail';
import type { OutgoingEmail } from '../ports';
import { escapeHtml, layout } from './html';

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
  const subject = t.subject(edits.length);
  return {
    to: staff,
    subject,
    text: [t.intro, '', ...lines.map((l) => `- ${l.title}\n  ${l.detail}`), '', caMail.signature].join('\n'),
    html: layout(
      subject,
      `<p>${escapeHtml(t.intro)}</p><ul>${lines
        .map((l) => `<li><strong>${escapeHtml(l.title)}</strong><br>${escapeHtml(l.detail)}</li>`)
        .join('')}</ul>`,
      caMail.signature,
    ),
    customArgs: { kind: 'editada' },
    categories: ['avis_personal'],
  };
}
