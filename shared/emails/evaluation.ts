// The evaluation asked of a municipality once its service is over: a short email with a
// link to the evaluation form that already holds the request's reference.
import type { Call } from '../domain/calls';
import { LOG_KIND } from '../domain/log-entry';
import type { PrivacySettings } from '../domain/privacy';
import type { RequestView } from '../domain/workspace-state';
import { callPhrase } from '../i18n/ca-grammar';
import { caEvaluation } from '../i18n/ca-evaluation';
import { caMail, GREETING } from '../i18n/ca-mail';
import type { OutgoingEmail } from '../ports';
import { escapeHtml, layout, paragraphs } from './html';
import { privacyHtml, privacyText } from './privacy-notice';

const t = caEvaluation.email;

export function evaluationEmail(opts: { request: RequestView; call?: Call; link: string; replyTo?: string; privacy?: PrivacySettings }): OutgoingEmail {
  const { request: r, call, link } = opts;
  const body = t.body(r.reference, callPhrase(call?.title ?? r.callId));
  const bases = call?.basesUrl ? [caMail.bases(call.basesUrl)] : [];
  const subject = t.subject(r.reference);
  return {
    to: [r.contactEmail],
    subject,
    text: [GREETING, '', body, '', `${t.link} ${link}`, ...bases, '', caMail.signature, '', privacyText(opts.privacy)].join('\n'),
    html: layout(
      subject,
      [
        paragraphs(GREETING),
        paragraphs(body),
        `<p><a href="${escapeHtml(link)}">${escapeHtml(t.link.replace(/:$/, ''))}</a></p>`,
        ...bases.map(paragraphs),
      ].join('\n'),
      caMail.signature,
      privacyHtml(opts.privacy),
    ),
    replyTo: opts.replyTo,
    customArgs: { requestId: r.id, reference: r.reference, kind: LOG_KIND.evaluation },
    categories: [LOG_KIND.evaluation],
  };
}
