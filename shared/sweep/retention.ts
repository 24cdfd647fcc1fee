// The sweep's part in retention: the calls already anonymised (their people are written to
// no more), and a reminder to staff, once per call, when a call passes its retention date.
import type { Call } from '../domain/calls';
import { longDate } from '../domain/dates';
import { LOG_KIND, type LogEntry } from '../domain/log-entry';
import type { PrivacySettings } from '../domain/privacy';
import { isRetentionDue, retentionDue } from '../domain/retention';
import { callPhrase } from '../i18n/ca-grammar';
import { DEFAULT_PRIVACY } from '../i18n/ca-privacy';
import { caRetention } from '../i18n/ca-retention';
import { anonymisedCallOf, digestKey } from '../outbox';

export function anonymisedCalls(log: readonly LogEntry[]): Set<string> {
  return new Set(log.flatMap((e) => (e.kind === LOG_KIND.anonymised ? [anonymisedCallOf(e.key) ?? ''] : [])).filter(Boolean));
}

export function retentionReminders(calls: readonly Call[], anonymised: ReadonlySet<string>, privacy: PrivacySettings | undefined, today: string) {
  const years = (privacy ?? DEFAULT_PRIVACY).retentionYears;
  return calls
    .filter((c) => !anonymised.has(c.id) && isRetentionDue(c, years, today))
    .map((c) => ({ key: digestKey.retentionDue(c.id), text: caRetention.digest(`${callPhrase(c.title)} (${c.id})`, longDate(retentionDue(c, years))) }));
}
