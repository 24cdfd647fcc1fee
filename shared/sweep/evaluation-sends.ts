// The evaluation email, once the service is over (all hours done, or the sessions window
// ended), for acceptances the municipality was told of; none when no form is set.
import { serviceOver } from '../domain/evaluation';
import { DECISION } from '../domain/vocabulary';
import { evaluationEmail } from '../emails/evaluation';
import { evaluationLink } from '../forms/evaluation-form';
import { caDecisions as t } from '../i18n/ca-decisions';
import { outboxKey } from '../outbox';
import { REQUEST_COLUMNS } from '../workspace/request-row';
import type { SweepContext } from './context';
import { cellName, type Ledger } from './ledger';

export function planEvaluations(ctx: SweepContext, ledger: Ledger): void {
  const { opts } = ctx;
  for (const r of ctx.requests) {
    if (!opts.evaluationUri || ctx.lastSent.get(r.id)?.decision !== DECISION.accepted) continue;
    const call = ctx.calls.get(r.callId);
    if (!serviceOver(r, call, ctx.now.toISODate() ?? '')) continue;
    const keyed = outboxKey.evaluation(r.id);
    const st = ledger.ob.get(keyed.key);
    if (st?.state === 'enviat' || ledger.inFlight(st)) continue;
    const link = evaluationLink(opts.evaluationUri, r.reference);
    const email = evaluationEmail({ request: r, call, link, replyTo: opts.replyTo, privacy: ctx.state.privacy });
    // Refused for good or failing on: stop and tell staff once, as for the other emails.
    if (!ledger.mayRetry(r, keyed.key, st, email, 'evaluation', () => t.digest.evaluationRefused(r.reference, cellName(REQUEST_COLUMNS.contactEmail, r.row)))) continue;
    ledger.sends.push({ ...keyed, requestId: r.id, email, sentDetail: 'avaluació', attempt: (st?.failures ?? 0) + 1 });
  }
}
