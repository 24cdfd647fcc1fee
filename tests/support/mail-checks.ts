// What no email may carry, whatever a user typed: a header split across lines (header
// injection), or markup that did not come from our own templates (script, event handlers,
// links a municipality never wrote). Read from the SendGrid sink's v3 payloads.

export interface SinkMail {
  from?: { email?: string; name?: string };
  reply_to?: { email?: string; name?: string };
  subject?: string;
  personalizations?: Array<{ to?: Address[]; cc?: Address[]; bcc?: Address[]; subject?: string }>;
  custom_args?: Record<string, string>;
  categories?: string[];
  headers?: Record<string, string>;
  content?: Array<{ type: string; value: string }>;
}
type Address = { email?: string; name?: string };

/** Every value that ends up in a header line of the message SendGrid builds. */
export function headerValues(m: SinkMail): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const add = (where: string, v: unknown) => typeof v === 'string' && out.push([where, v]);
  add('subject', m.subject);
  add('from.email', m.from?.email);
  add('from.name', m.from?.name);
  add('reply_to.email', m.reply_to?.email);
  add('reply_to.name', m.reply_to?.name);
  for (const p of m.personalizations ?? []) {
    add('personalizations.subject', p.subject);
    for (const [list, addresses] of [['to', p.to], ['cc', p.cc], ['bcc', p.bcc]] as const) {
      for (const a of addresses ?? []) {
        add(`${list}.email`, a.email);
        add(`${list}.name`, a.name);
      }
    }
  }
  for (const [k, v] of Object.entries(m.custom_args ?? {})) add(`custom_args.${k}`, v);
  for (const [k, v] of Object.entries(m.headers ?? {})) add(`headers.${k}`, v);
  for (const c of m.categories ?? []) add('categories', c);
  return out;
}

/** Header values that would start a new header line: CR, LF, or Unicode line breaks. */
export function brokenHeaders(m: SinkMail): string[] {
  return headerValues(m)
    .filter(([, v]) => /[\r\n\u0085\u2028\u2029]/.test(v))
    .map(([where, v]) => `${where}: ${JSON.stringify(v.slice(0, 80))}`);
}

export const htmlOf = (m: SinkMail): string => m.content?.find((c) => c.type === 'text/html')?.value ?? '';

// The tags and attributes our templates (shared/emails) use. Anything else in an email's
// HTML came from user text that was not escaped.
// The evaluation email's link is the one <a href>: its address is ours (the form's, escaped).
const TAGS = new Set(['html', 'head', 'meta', 'title', 'body', 'p', 'br', 'h2', 'strong', 'ul', 'li', 'table', 'tr', 'th', 'td', 'a']);
const ATTRIBUTES = new Set(['lang', 'charset', 'style', 'href']);

/** Markup in the HTML part that our templates could not have produced. */
export function foreignMarkup(html: string): string[] {
  const problems: string[] = [];
  if (/<\s*script/i.test(html)) problems.push('a <script> element');
  // With user text escaped, every "<" left is one of our tags; read each one.
  for (const m of html.matchAll(/<\/?\s*([a-zA-Z][\w:-]*)([^>]*)>?/g)) {
    const tag = m[1]!.toLowerCase();
    if (!TAGS.has(tag)) problems.push(`tag <${tag}>`);
    for (const a of (m[2] ?? '').matchAll(/([^\s"'=<>/]+)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
      const name = a[1]!.toLowerCase();
      if (!ATTRIBUTES.has(name)) problems.push(`attribute ${name} on <${tag}>`);
      if (/^["']?\s*(javascript|data|vbscript):/i.test(a[2] ?? '')) problems.push(`${name}=${a[2]} on <${tag}>`);
    }
  }
  return problems;
}

/** HTML-escaped as shared/emails/html.ts must escape it (written again here, on purpose). */
export const escaped = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
