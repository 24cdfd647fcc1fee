// The applicant's confirmation: reference, what they sent, what happens next, and any
// flag (late, non-member, repeated) said plainly.
import { LOG_KIND } from '../domain/log-entry';
import type { ClassifiedRequest } from '../domain/classify';
import { longDate } from '../domain/dates';
import { ca } from '../i18n/ca';
import { caMail, GREETING } from '../i18n/ca-mail';
import type { OutgoingEmail } from '../ports';
import { requestRow } from '../workspace/request-row';
import { REQUEST_COLUMNS } from '../workspace/request-row';
import type { PrivacySettings } from '../domain/privacy';
import { definitionTable, escapeHtml, layout, paragraphs } from './html';
import { privacyHtml, privacyText } from './privacy-notice';

const t = caMail.confirmation;

/** What the applicant sent, as label → text, in form order (booleans in words). */
export function summaryRows(r: ClassifiedRequest): Array<readonly [string, string]> {
  const row = requestRow(r, new Date(r.submission.submittedAt));
  const skip = new Set<string>([
    REQUEST_COLUMNS.id,
    REQUEST_COLUMNS.receivedAt,
    REQUEST_COLUMNS.municipality,
    REQUEST_COLUMNS.commitments,
    REQUEST_COLUMNS.member,
    REQUEST_COLUMNS.recentMember,
    REQUEST_COLUMNS.late,
    REQUEST_COLUMNS.repeated,
    REQUEST_COLUMNS.early,
    REQUEST_COLUMNS.noCall,
  ]);
  // People know the call by its title; the ID is the sheet's.
  const shown = { ...row, [REQUEST_COLUMNS.call]: r.call.title };
  return Object.entries(shown)
    .filter(([k, v]) => !skip.has(k) && v !== '')
    .map(([k, v]) => [k, typeof v === 'boolean' ? (v ? ca.choices.yes : ca.choices.no) : String(v)] as const);
}

export function flagTexts(r: ClassifiedRequest): string[] {
  const pools = (r.yearlyPools ?? []).map((p) => `${p.service}: ${p.hours} h`).join('; ');
  const text: Record<ClassifiedRequest['flags'][number], () => string> = {
    late: () => t.flags.late(r.call.deadline ? longDate(r.call.deadline) : ''),
    early: () => t.flags.early(r.call.title, longDate(r.call.opens)),
    no_call: () => t.flags.no_call(pools),
    non_member: () => t.flags.non_member(r.submission.municipality),
    repeated_in_call: () => t.flags.repeated_in_call,
  };
  return r.flags.map((f) => text[f]());
}

/** The intro and what happens next: a call's deadline only when there is one. */
function opening(r: { reference: string }, call: { title: string; deadline?: string; noCall?: boolean } | undefined) {
  const intro = !call || call.noCall ? t.introNoCall(r.reference) : t.intro(r.reference, call.title);
  const next = call?.deadline && !call.noCall ? t.next(longDate(call.deadline)) : t.nextNoDeadline;
  return { intro, next };
}

export function confirmationEmail(r: ClassifiedRequest, replyTo?: string, privacy?: PrivacySettings): OutgoingEmail {
  const s = r.submission;
  const { intro, next } = opening(r, r.call);
  const summary = summaryRows(r);
  const flags = flagTexts(r);
  const text = [
    GREETING,
    '',
    intro,
    ...flags.flatMap((f) => ['', f]),
    '',
    `${t.nextTitle}:`,
    next,
    ...(r.call.basesUrl ? [caMail.bases(r.call.basesUrl)] : []),
    '',
    `${t.summaryTitle}:`,
    ...summary.map(([k, v]) => `- ${k}: ${v}`),
    '',
    t.notice,
    '',
    caMail.signature,
    '',
    privacyText(privacy),
  ].join('\n');
  const html = layout(
    t.subject(r.reference),
    [
      paragraphs(GREETING),
      paragraphs(intro),
      ...flags.map((f) => `<p style="background:#fff4e5;padding:8px"><strong>${escapeHtml(f)}</strong></p>`),
      `<h2>${escapeHtml(t.nextTitle)}</h2>`,
      paragraphs(next),
      ...(r.call.basesUrl ? [paragraphs(caMail.bases(r.call.basesUrl))] : []),
      `<h2>${escapeHtml(t.summaryTitle)}</h2>`,
      definitionTable(summary),
      paragraphs(t.notice),
    ].join('\n'),
    caMail.signature,
    privacyHtml(privacy),
  );
  return {
    to: [s.contactEmail],
    subject: t.subject(r.reference),
    text,
    html,
    replyTo,
    customArgs: { requestId: s.submissionId, reference: r.reference, kind: LOG_KIND.confirmation },
    categories: [LOG_KIND.confirmation],
  };
}

/**
 * The confirmation rebuilt from the sheet, for a retry by the sweep: the same reference,
 * call and next steps; the answers themselves stay in the sheet.
 */
export function confirmationFromRow(
  r: { id: string; reference: string; contactName: string; contactEmail: string; late: boolean },
  call: { title: string; deadline?: string; noCall?: boolean; basesUrl?: string } | undefined,
  replyTo?: string,
  privacy?: PrivacySettings,
): OutgoingEmail {
  const { intro, next } = opening(r, call);
  const lines = [
    GREETING,
    intro,
    ...(r.late ? [t.flags.late(call?.deadline ? longDate(call.deadline) : '')] : []),
    `${t.nextTitle}: ${next}`,
    ...(call?.basesUrl ? [caMail.bases(call.basesUrl)] : []),
    t.notice,
  ];
  return {
    to: [r.contactEmail],
    subject: t.subject(r.reference),
    text: [...lines, caMail.signature, privacyText(privacy)].join('\n\n'),
    html: layout(t.subject(r.reference), lines.map(paragraphs).join('\n'), caMail.signature, privacyHtml(privacy)),
    replyTo,
    customArgs: { requestId: r.id, reference: r.reference, kind: LOG_KIND.confirmation },
    categories: [LOG_KIND.confirmation],
  };
}
