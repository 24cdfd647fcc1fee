// Confirmations that failed at intake (or whose result was never written): the sweep
// retries them with a growing delay, then tells staff once instead of trying forever.
import { confirmationFromRow } from '../emails/confirmation';
import { caDecisions as t } from '../i18n/ca-decisions';
import { confirmationOf, digestKey, outboxKey } from '../outbox';
import { REQUEST_COLUMNS } from '../workspace/request-row';
import type { SweepContext } from './context';
import { cellName, type Ledger } from './ledger';

export function planConfirmationRetries(ctx: SweepContext, ledger: Ledger): void {
  for (const [key, st] of ledger.ob) {
    const id = confirmationOf(key);
    if (id === undefined || st.state === 'enviat') continue;
    if (!(st.state === 'error' || ledger.stale(st))) continue;
    const r = ctx.byId.get(id);
    if (!r) continue;
    const email = confirmationFromRow(r, ctx.calls.get(r.callId), ctx.opts.replyTo, ctx.state.privacy);
    if (!ledger.mayRetry(r, key, st, email, 'confirmation', () => t.digest.confirmationRefused(r.reference, cellName(REQUEST_COLUMNS.contactEmail, r.row)))) continue;
    if (ledger.stale(st)) ledger.report(digestKey.possibleDuplicate(key), t.digest.possibleDuplicate(r.reference));
    ledger.sends.push({
      ...outboxKey.confirmation(r.id),
      requestId: r.id,
      email,
      sentDetail: `intent ${st.failures + 1}`,
      attempt: st.failures + 1,
    });
  }
}
