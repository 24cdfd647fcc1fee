// Decision emails: accepted, waiting list, declined, redirected, and corrections that say
// what changed. Built from the sheet's values, every one escaped.
import { DECISION, DEFAULT_PACKAGE_HOURS } from '../domain/vocabulary';
import { LOG_KIND } from '../domain/log-entry';
import type { Call } from '../domain/calls';
import { longDate } from '../domain/dates';
import { changedFields, type DecisionValues } from '../domain/decisions';
import { caDecisions as t } from '../i18n/ca-decisions';
import { caMail } from '../i18n/ca-mail';
import type { OutgoingEmail } from '../ports';
import type { RequestView } from '../domain/workspace-state';
import type { PrivacySettings } from '../domain/privacy';
import { definitionTable, escapeHtml, layout, paragraphs } from './html';
import { privacyHtml, privacyText } from './privacy-notice';

function detailRows(v: DecisionValues, call: Call | undefined, packageHours: number): Array<readonly [string, string]> {
  const f = t.fields;
  // People know the call by its title, and the bases say what they agreed to.
  const rows: Array<readonly [string, string]> = [
    ...(call ? [[f.call, call.title] as const] : []),
    ...(call?.basesUrl ? [[f.bases, call.basesUrl] as const] : []),
    [f.decision, v.decision],
  ];
  if (v.decision === DECISION.accepted) {
    rows.push([f.service, v.service], [f.hours, String(v.hours === '' ? packageHours : v.hours)]);
    if (call?.sessionsFrom && call.sessionsTo) rows.push([f.window, t.windowText(longDate(call.sessionsFrom), longDate(call.sessionsTo))]);
    if (v.adviser) rows.push([f.adviser, v.adviser]);
    if (v.adviserContact) rows.push([f.adviserContact, v.adviserContact]);
  }
  if (v.decision === DECISION.redirected && v.redirectedTo) rows.push([f.redirectedTo, v.redirectedTo]);
  if (v.message) rows.push([f.message, v.message]);
  return rows;
}

export function decisionEmail(opts: {
  request: RequestView;
  values: DecisionValues;
  previous?: DecisionValues;
  call?: Call;
  replyTo?: string;
  key: string;
  privacy?: PrivacySettings;
}): OutgoingEmail {
  const { request: r, values: v, previous, call } = opts;
  const packageHours = call?.packageHours ?? DEFAULT_PACKAGE_HOURS;
  const rows = detailRows(v, call, packageHours);
  const changed = previous ? changedFields(previous, v).map((k) => t.fields[k]) : [];
  const subject = previous ? t.subject.correction(r.reference) : t.subject[v.decision](r.reference);
  const intro = t.body[v.decision](r.reference);
  const commitments = v.decision === DECISION.accepted ? t.commitments : [];
  const text = [
    t.greeting,
    '',
    ...(previous ? [`${t.correctionIntro} ${changed.join(', ')}.`, ''] : []),
    intro,
    '',
    ...rows.map(([k, val]) => `- ${k}: ${val}`),
    ...(commitments.length ? ['', `${t.commitmentsTitle}:`, ...commitments.map((c) => `- ${c}`)] : []),
    '',
    t.closing,
    '',
    caMail.signature,
    '',
    privacyText(opts.privacy),
  ].join('\n');
  const html = layout(
    subject,
    [
      paragraphs(t.greeting),
      previous ? `<p style="background:#fff4e5;padding:8px"><strong>${escapeHtml(`${t.correctionIntro} ${changed.join(', ')}.`)}</strong></p>` : '',
      paragraphs(intro),
      definitionTable(rows),
      commitments.length
        ? `<h2>${escapeHtml(t.commitmentsTitle)}</h2><ul>${commitments.map((c) => `<li>${escapeHtml(c)}</li>`).join('')}</ul>`
        : '',
      paragraphs(t.closing),
    ].join('\n'),
    caMail.signature,
    privacyHtml(opts.privacy),
  );
  return {
    to: [r.contactEmail],
    subject,
    text,
    html,
    replyTo: opts.replyTo,
    customArgs: { requestId: r.id, reference: r.reference, kind: LOG_KIND.decision, key: opts.key },
    categories: [LOG_KIND.decision],
  };
}
