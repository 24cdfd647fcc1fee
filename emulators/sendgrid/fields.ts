// Checks shared by the top-level message and its personalizations: addresses, string
// maps (custom_args, substitutions), headers and content blocks. Error texts and help
// links follow SendGrid's documented mail/send errors.

export interface SendGridFieldError {
  message: string;
  field: string | null;
  help: string | null;
}

const HELP = 'http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html#message.';

// Documented as "You may not overwrite the following reserved headers".
const RESERVED_HEADERS = new Set([
  'x-sg-id', 'x-sg-eid', 'received', 'dkim-signature', 'content-type',
  'content-transfer-encoding', 'to', 'from', 'subject', 'reply-to', 'cc', 'bcc',
]);

// Deliberately simple: one @, no whitespace or RFC 5322 specials, a dotted domain.
// SendGrid's own check is stricter in corners we do not need to reproduce.
const EMAIL_RE = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

export function isValidEmail(v: unknown): v is string {
  return typeof v === 'string' && EMAIL_RE.test(v) && !v.includes('..');
}

export class Collector {
  readonly errors: SendGridFieldError[] = [];
  add(message: string, field: string | null, anchor?: string): void {
    this.errors.push({ message, field, help: anchor ? HELP + anchor : null });
  }
}

export function checkAddress(c: Collector, v: unknown, field: string, anchor: string, label: string): string | undefined {
  if (!isObj(v) || !isValidEmail(v.email)) {
    c.add(`The ${label} email does not contain a valid address.`, `${field}.email`, anchor);
    return undefined;
  }
  if (v.name !== undefined && typeof v.name !== 'string') c.add(`The ${label} name must be a string.`, `${field}.name`, anchor);
  return v.email.toLowerCase();
}

export function checkStringMap(c: Collector, v: unknown, field: string, anchor: string, what: string): void {
  if (v === undefined) return;
  if (!isObj(v)) return c.add(`The ${what} must be an object of string keys and string values.`, field, anchor);
  for (const [k, val] of Object.entries(v)) {
    if (typeof val !== 'string') c.add(`The ${what} value for "${k}" must be a string.`, `${field}.${k}`, anchor);
  }
  // SendGrid caps custom_args at 10,000 bytes per message.
  if (what === 'custom_args' && Buffer.byteLength(JSON.stringify(v)) > 10_000) {
    c.add('The custom_args must total less than 10,000 bytes.', field, anchor);
  }
}

export function checkHeaders(c: Collector, v: unknown, field: string): void {
  if (v === undefined) return;
  if (!isObj(v)) return c.add('The headers must be an object of string keys and string values.', field, 'headers');
  for (const [name, val] of Object.entries(v)) {
    // A CR or LF would let a caller inject extra header lines into the MIME message.
    if (/[\r\n]/.test(name) || name.trim() === '' || /[\s:]/.test(name)) {
      c.add(`The header name "${JSON.stringify(name).slice(1, -1)}" is invalid.`, `${field}.${name}`, 'headers');
    } else if (RESERVED_HEADERS.has(name.toLowerCase())) {
      c.add(`The header "${name}" is reserved and cannot be set.`, `${field}.${name}`, 'headers');
    }
    if (typeof val !== 'string') c.add(`The header value for "${name}" must be a string.`, `${field}.${name}`, 'headers');
    else if (/[\r\n]/.test(val)) c.add(`The header value for "${name}" must not contain CR or LF.`, `${field}.${name}`, 'headers');
  }
}

export function checkContent(c: Collector, content: unknown, hasTemplate: boolean): void {
  if (content === undefined && hasTemplate) return;
  if (!Array.isArray(content) || content.length === 0) {
    return c.add('Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block.', 'content', 'content');
  }
  const types: string[] = [];
  content.forEach((block, i) => {
    const b: Obj = isObj(block) ? block : {};
    if (!isNonEmptyString(b.type)) c.add('The content type must be a string at least one character in length.', `content.${i}.type`, 'content.type');
    else types.push(b.type.toLowerCase());
    if (!isNonEmptyString(b.value)) c.add('The content value must be a string at least one character in length.', `content.${i}.value`, 'content.value');
  });
  // Documented ordering: text/plain first, then text/html, then anything else.
  const rank = (t: string) => (t === 'text/plain' ? 0 : t === 'text/html' ? 1 : 2);
  if (types.some((t, i) => i > 0 && rank(t) < rank(types[i - 1] ?? ''))) {
    c.add('The content types must be in the order text/plain, text/html, then any other types.', 'content', 'content');
  }
}
