// @ts-check
// Correu: what the SendGrid sink received, newest first, each message with its headers,
// its text version and its HTML version. The HTML is the message's own (it quotes what a
// municipality typed), so it is shown in an iframe sandboxed without scripts, given as
// srcdoc: no script runs and the message cannot reach this page.
import { call, clock, el, fill, fmt, texts } from './dom.js';

const T = texts.mail;

const address = (a) => (a ? (a.name ? `${a.name} <${a.email}>` : String(a.email ?? '')) : '');
const addresses = (list) => (list ?? []).map(address).join(', ');

/** @param {HTMLElement} root */
export function mountMail(root) {
  const info = el('p', { className: 'mail-info' });
  const list = el('div', { className: 'mail-list' });
  const refreshButton = el('button', { type: 'button', className: 'secondary', text: T.refresh });
  refreshButton.addEventListener('click', () => void load());
  fill(root, el('div', { className: 'sheet-bar' }, info, refreshButton), list);

  async function load() {
    const r = await call('/outbox');
    if (!r.ok || !Array.isArray(r.body)) return fill(list, el('p', { className: 'error', text: fmt(texts.loadFailed, { what: '/outbox' }) }));
    const messages = [...r.body].reverse();
    info.textContent = messages.length === 0 ? T.empty : messages.length === 1 ? T.countOne : fmt(T.count, { n: messages.length });
    fill(list, ...messages.map(message));
  }

  function message(m) {
    const b = m.body ?? {};
    const p = b.personalizations?.[0] ?? {};
    const content = (type) => (b.content ?? []).find((c) => c.type === type)?.value;
    const html = content('text/html');
    const text = content('text/plain');
    const args = Object.entries(b.custom_args ?? p.custom_args ?? {}).map(([k, v]) => `${k}=${v}`).join(' · ');
    const row = (label, value) => (value ? el('tr', {}, el('th', { text: label, attrs: { scope: 'row' } }), el('td', { text: value })) : null);
    const frame = html ? el('iframe', { title: `${T.html}: ${b.subject ?? ''}`, attrs: { sandbox: '', referrerpolicy: 'no-referrer' } }) : null;
    // srcdoc is the frame's document, not this page's markup; the empty sandbox keeps it inert.
    if (frame) frame.srcdoc = html;
    return el('article', { className: 'mail', dataset: { kind: String(b.custom_args?.kind ?? ''), id: String(m.id ?? '') } },
      el('h3', { text: b.subject ?? '' }),
      el('table', { className: 'headers' }, el('tbody', {},
        row(T.from, address(b.from)),
        row(T.to, addresses(p.to)),
        row(T.bcc, addresses(p.bcc)),
        row(T.replyTo, address(b.reply_to)),
        row(T.subject, b.subject ?? ''),
        row(T.received, m.receivedAt ? clock(new Date(m.receivedAt)) : ''),
        row(T.customArgs, args))),
      el('div', { className: 'bodies' },
        frame ? el('section', { className: 'html' }, el('h4', { text: T.html }), frame) : null,
        text !== undefined ? el('section', { className: 'text' }, el('h4', { text: T.text }), el('pre', { text })) : null));
  }

  return { refresh: load };
}
