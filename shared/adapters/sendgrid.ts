// The one file that talks to SendGrid. SendGrid has no idempotency key: deduplication is
// the caller's (the log tab is the outbox); this adapter only sends and reports.
import sgClient from '@sendgrid/client';
import sgMail from '@sendgrid/mail';
import { withDistinctRecipients } from '../emails/recipients';
import { UpstreamError } from '../errors';
import type { Mailer, OutgoingEmail } from '../ports';

export interface SendGridOptions {
  apiKey: string;
  from: { email: string; name?: string };
  /** Local sink root (SENDGRID_ROOT_URL); unset in production. */
  rootUrl?: string;
}

// Header injection is impossible by construction: every header value is folded to one line.
const oneLine = (s: string) => s.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();

export class SendGridMailer implements Mailer {
  // The package's process-wide instances: one sender configuration per process.
  private readonly service = sgMail;

  constructor(private readonly opts: SendGridOptions) {
    sgClient.setApiKey(opts.apiKey);
    if (opts.rootUrl) sgClient.setDefaultRequest('baseUrl', opts.rootUrl.endsWith('/') ? opts.rootUrl : `${opts.rootUrl}/`);
    this.service.setClient(sgClient);
  }

  async send(message: OutgoingEmail): Promise<{ messageId: string }> {
    // SendGrid refuses the whole message when an address repeats across to/cc/bcc.
    const email = withDistinctRecipients(message);
    try {
      const [response] = await this.service.send({
        from: { email: this.opts.from.email, name: this.opts.from.name && oneLine(this.opts.from.name) },
        to: email.to.map(oneLine),
        bcc: email.bcc?.map(oneLine),
        replyTo: email.replyTo && oneLine(email.replyTo),
        subject: oneLine(email.subject),
        text: email.text,
        html: email.html,
        customArgs: email.customArgs,
        categories: email.categories,
      });
      const id = response.headers['x-message-id'];
      return { messageId: Array.isArray(id) ? String(id[0]) : String(id ?? '') };
    } catch (cause) {
      const status = (cause as { code?: number }).code;
      const transient = typeof status !== 'number' || status === 429 || status >= 500;
      throw new UpstreamError('sendgrid', transient, {
        cause,
        message: `SendGrid send failed${typeof status === 'number' ? ` (${status})` : ''}`,
      });
    }
  }
}
