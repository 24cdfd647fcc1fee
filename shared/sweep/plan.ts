// What one sweep should send and report, decided from the workspace without I/O. Each kind
// of email is planned in its own file against one ledger (ledger.ts: the outbox, and what
// this plan is building); the order below is the order of the sends and digest items.
import type { SweepState } from '../domain/workspace-state';
import { planAnnouncements } from './announcement-sends';
import { planConfirmationRetries } from './confirmation-sends';
import { sweepContext } from './context';
import { planDecisions } from './decision-sends';
import { reportForStaff } from './digest-reports';
import { planEvaluations } from './evaluation-sends';
import { createLedger } from './ledger';
import { poolBook } from './pools';
import type { SweepOptions, SweepPlan } from './types';

export { acceptedService, decisionValues } from './decision-values';
export type { DigestItem, PlannedSend, SweepOptions, SweepPlan } from './types';

export function planSweep(state: SweepState, now: Date, opts: SweepOptions): SweepPlan {
  const ctx = sweepContext(state, now, opts);
  const ledger = createLedger(state.log, ctx.now, opts);
  // Hours held by acceptances sent or on their way; decisions move them as they are planned.
  const book = poolBook(ctx, ledger.ob);
  planDecisions(ctx, ledger, book);
  planConfirmationRetries(ctx, ledger);
  planAnnouncements(ctx, ledger);
  planEvaluations(ctx, ledger);
  reportForStaff(ctx, ledger, book);
  // One send per outbox key: a request ID on two rows (a row copied by hand) plans its key
  // twice, and both would go out under one intent.
  const planned = new Set<string>();
  const sends = ledger.sends.filter((s) => !planned.has(s.key) && planned.add(s.key));
  return { sends, digest: ledger.digest, marks: ledger.marks };
}
