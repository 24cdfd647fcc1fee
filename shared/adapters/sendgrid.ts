// The one file that talks to SendGrid. SendGrid has no idempotency key: deduplication is
// the caller's (the log tab is the outbox); this adapter only sends and reports.
//
// One call, v3 Mail Send: a JSON POST with a bearer key, answered 202 with X-Message-Id.
// It goes out on Node's own http(s), which the Google clients have loaded already, rather
// than through @sendgrid/mail: that client brings axios and form-data (146 KB bundled, the
// largest part of a cold start after Google's libraries) to make this one request. The
// body is the one @sendgrid/mail builds from the same message (a test compares them).
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { withDistinctRecipients } from '../emails/recipients';
import { UpstreamError } from '../errors';
import type { Mailer, OutgoingEmail } from '../ports';

export interface SendGridOptions {
  apiKey: string;
  from: { email: string; name?: string };
  /** Local sink root (SENDGRID_ROOT_URL); unset in production. */
  rootUrl?: string;
  /** Give up on an answer after this long (then a transient failure: it may have been sent). */
  timeoutMs?: number;
}

const SENDGRID = 'https://api.sendgrid.com/';
const TIMEOUT_MS = 30_000;

// Header injection is impossible by construction: every header value is folded to one line.
const oneLine = (s: string) => s.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();

/** The v3 Mail Send body for a message, as @sendgrid/mail writes it. */
function mailSendBody(from: SendGridOptions['from'], message: OutgoingEmail): Record<string, unknown> {
  // SendGrid refuses the whole message when an address repeats across to/cc/bcc.
  const email = withDistinctRecipients(message);
  const address = (e: string) => ({ email: oneLine(e) });
  const name = from.name && oneLine(from.name);
  return {
    from: { email: from.email, ...(name ? { name } : {}) },
    subject: oneLine(email.subject),
    personalizations: [{ to: email.to.map(address), ...(email.bcc?.length ? { bcc: email.bcc.map(address) } : {}) }],
    content: [
      { type: 'text/plain', value: email.text },
      { type: 'text/html', value: email.html },
    ],
    ...(email.categories ? { categories: email.categories } : {}),
    ...(email.customArgs ? { custom_args: email.customArgs } : {}),
    ...(email.replyTo ? { reply_to: address(email.replyTo) } : {}),
  };
}

export class SendGridMailer implements Mailer {
  private readonly url: URL;

  constructor(private readonly opts: SendGridOptions) {
    this.url = new URL('v3/mail/send', opts.rootUrl ? (opts.rootUrl.endsWith('/') ? opts.rootUrl : `${opts.rootUrl}/`) : SENDGRID);
  }

  async send(message: OutgoingEmail): Promise<{ messageId: string }> {
    const payload = Buffer.from(JSON.stringify(mailSendBody(this.opts.from, message)));
    let answer: { status: number; messageId: string; errors: string };
    try {
      answer = await this.post(payload);
    } catch (cause) {
      // No answer: worth another try. Refused or unresolved, nothing reached SendGrid; reset
      // or timed out once the message was on its way, it may have been delivered.
      const code = (cause as { code?: string }).code;
      const notSent = code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
      throw new UpstreamError('sendgrid', true, { cause, message: 'SendGrid send failed', maybeDone: !notSent });
    }
    if (answer.status >= 200 && answer.status < 300) return { messageId: answer.messageId };
    const transient = answer.status === 429 || answer.status >= 500;
    throw new UpstreamError('sendgrid', transient, {
      cause: new Error(`SendGrid answered ${answer.status}: ${answer.errors}`),
      message: `SendGrid send failed (${answer.status})`,
    });
  }

  private post(payload: Buffer): Promise<{ status: number; messageId: string; errors: string }> {
    const send = this.url.protocol === 'http:' ? httpRequest : httpsRequest;
    return new Promise((resolve, reject) => {
      const req = send(this.url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${this.opts.apiKey}`,
          'content-type': 'application/json',
          'content-length': payload.length,
        },
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? TIMEOUT_MS),
      });
      req.on('error', reject);
      req.on('response', (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const id = res.headers['x-message-id'];
          resolve({ status: res.statusCode ?? 0, messageId: String(Array.isArray(id) ? id[0] : (id ?? '')), errors: errorsOf(Buffer.concat(chunks)) });
        });
      });
      req.end(payload);
    });
  }
}

/** SendGrid's error messages, for the log: `{ errors: [{ message, field }] }` (never the message sent). */
function errorsOf(body: Buffer): string {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { errors?: Array<{ message?: unknown; field?: unknown }> };
    return (parsed.errors ?? []).map((e) => [e.field, e.message].filter((x) => typeof x === 'string' && x).join(': ')).join('; ');
  } catch {
    return '';
  }
}
