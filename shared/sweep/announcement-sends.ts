// Agreed advisories the Commission chose to announce to the other members: one email per
// request, to every active member but the one that asked.
import { DECISION, SERVICE } from '../domain/vocabulary';
import { announcementEmail } from '../emails/digest';
import { contactAddresses, distinctAddresses } from '../emails/recipients';
import { caDecisions as t } from '../i18n/ca-decisions';
import { outboxKey } from '../outbox';
import { MEMBER_HEADERS, TABS } from '../workspace/tabs';
import type { SweepContext } from './context';
import type { Ledger } from './ledger';

export function planAnnouncements(ctx: SweepContext, ledger: Ledger): void {
  const { state, opts } = ctx;
  for (const r of ctx.requests) {
    const sent = ctx.lastSent.get(r.id);
    if (!r.announce || sent?.decision !== DECISION.accepted || sent.service === SERVICE.mentoring) continue;
    const keyed = outboxKey.announcement(r.id);
    const st = ledger.ob.get(keyed.key);
    if (st?.state === 'enviat' || ledger.inFlight(st)) continue;
    // Each address once, and none of staff's: they are on the message's To line.
    const recipients = distinctAddresses(contactAddresses(state.members.filter((m) => m.active && m.name !== r.municipality).map((m) => m.contacts ?? '')), opts.staff);
    const email = announcementEmail({ municipality: r.municipality, topic: r.topic, recipients, staff: opts.staff, requestId: r.id, privacy: state.privacy });
    if (!email || !ledger.mayRetry(r, keyed.key, st, email, 'announcement', () => t.digest.announcementRefused(r.reference, `${TABS.members} › ${MEMBER_HEADERS[7]}`))) continue;
    ledger.sends.push({ ...keyed, requestId: r.id, email, sentDetail: `${recipients.length} destinataris`, attempt: (st?.failures ?? 0) + 1 });
  }
}
