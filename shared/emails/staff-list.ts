// Every message to staff has the same shape: an intro and a list of items, each a title
// and an optional detail, the ones that need attention in red. One builder, escaped once.
import { caMail } from '../i18n/ca-mail';
import type { OutgoingEmail } from '../ports';
import { escapeHtml, layout } from './html';

export interface StaffItem {
  title: string;
  detail?: string;
  flagged?: boolean;
}

export function staffListEmail(opts: { subject: string; intro: string; items: readonly StaffItem[]; staff: string[]; kind: string; category: string }): OutgoingEmail {
  const { subject, intro, items } = opts;
  const text = [intro, '', ...items.map((i) => `- ${i.title}${i.detail ? `\n  ${i.detail}` : ''}`), '', caMail.signature].join('\n');
  const list = items
    .map((i) => `<li${i.flagged ? ' style="color:#a40000"' : ''}><strong>${escapeHtml(i.title)}</strong>${i.detail ? `<br>${escapeHtml(i.detail)}` : ''}</li>`)
    .join('');
  return {
    to: opts.staff,
    subject,
    text,
    html: layout(subject, `<p>${escapeHtml(intro)}</p><ul>${list}</ul>`, caMail.signature),
    customArgs: { kind: opts.kind },
    categories: [opts.category],
  };
}
