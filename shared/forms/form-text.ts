// The form's Catalan title and description, written from the call the Commission keeps in
// the sheet (deadline, sessions window, pools, priority theme) and the conditions of the
// bases, so a new call needs `npm run form -- update`, not an edit of the form by hand.
import type { Call } from '../domain/calls';
import { longDate } from '../domain/dates';
import type { PrivacySettings } from '../domain/privacy';
import { privacyText } from '../emails/privacy-notice';
import { caForms } from '../i18n/ca-forms';

export interface PoolHours {
  callId: string;
  service: string;
  hours: number;
}

const t = caForms.form;

export function formTitle(call: Call): { title: string; documentTitle: string } {
  return { title: t.title(call.title), documentTitle: t.documentTitle(call.id) };
}

/** The notice closes the description: the first thing a respondent reads, before any answer. */
export function formDescription(call: Call, pools: readonly PoolHours[], privacy?: PrivacySettings): string {
  const own = pools.filter((p) => p.callId === call.id && p.hours > 0);
  const facts = [
    call.deadline ? t.deadline(longDate(call.deadline)) : '',
    call.sessionsFrom && call.sessionsTo ? t.sessions(longDate(call.sessionsFrom), longDate(call.sessionsTo)) : '',
    own.length ? t.pools(own.map((p) => t.pool(p.service, p.hours)).join('; ')) : '',
    call.packageHours > 0 && call.sessionHours > 0
      ? t.packages(call.packageHours, Math.max(1, Math.round(call.packageHours / call.sessionHours)), call.sessionHours)
      : '',
  ].filter(Boolean);
  const conditions = [
    ...t.conditions,
    t.priority(call.priorityTheme),
    ...(call.recentMemberSince ? [t.recentMembers(longDate(call.recentMemberSince))] : []),
  ];
  return [t.intro, facts.join('\n'), ...(call.basesUrl ? [t.bases(call.basesUrl)] : []), `${t.conditionsTitle}\n${conditions.map((c) => `• ${c}`).join('\n')}`, t.closing, privacyText(privacy)].join('\n\n');
}
