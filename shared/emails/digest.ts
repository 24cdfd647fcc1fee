// One digest to staff per sweep, only when something needs a person; and the announcement
// of an agreed advisory to the other members.
import { LOG_KIND } from '../domain/log-entry';
import { caDecisions as t } from '../i18n/ca-decisions';
import { caMail } from '../i18n/ca-mail';
import type { OutgoingEmail } from '../ports';
import type { PrivacySettings } from '../domain/privacy';
import { layout, paragraphs } from './html';
import { privacyHtml, privacyText } from './privacy-notice';
import { staffListEmail } from './staff-list';

export function digestEmail(items: readonly string[], staff: string[]): OutgoingEmail | undefined {
  if (!items.length || !staff.length) return undefined;
  return staffListEmail({
    subject: t.digest.subject(items.length),
    intro: t.digest.intro,
    items: items.map((title) => ({ title })),
    staff,
    kind: LOG_KIND.reported,
    category: LOG_KIND.reported,
  });
}

/** Sent to the other members' contacts: an email to municipalities, so it carries the notice too. */
export function announcementEmail(opts: {
  municipality: string;
  topic: string;
  recipients: string[];
  staff: string[];
  requestId: string;
  privacy?: PrivacySettings;
}): OutgoingEmail | undefined {
  if (!opts.recipients.length || !opts.staff.length) return undefined;
  const subject = t.announcement.subject(opts.topic);
  const body = t.announcement.body(opts.municipality, opts.topic);
  return {
    to: [opts.staff[0]!],
    bcc: opts.recipients,
    replyTo: opts.staff[0],
    subject,
    text: `${body}\n\n${caMail.signature}\n\n${privacyText(opts.privacy)}`,
    html: layout(subject, paragraphs(body), caMail.signature, privacyHtml(opts.privacy)),
    customArgs: { requestId: opts.requestId, kind: LOG_KIND.announcement },
    categories: [LOG_KIND.announcement],
  };
}
