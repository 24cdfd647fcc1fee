// A decision's values as the municipality reads them: as the sheet holds them now (what
// would be sent) and as they were last sent (what the municipality was told).
import { isFinal, parseDecisionDetail, type DecisionValues } from '../domain/decisions';
import { LOG_KIND, type LogEntry } from '../domain/log-entry';
import { DECISION, EITHER_SERVICE } from '../domain/vocabulary';
import type { RequestView } from '../domain/workspace-state';

/**
 * The service an acceptance is for: the one assigned; left blank, the one asked for when
 * that is one service. For "either" it stays blank: the Commission must choose.
 */
export const acceptedService = (r: Pick<RequestView, 'service' | 'requestedService'>): string =>
  r.service || (r.requestedService === EITHER_SERVICE ? '' : r.requestedService);

export function decisionValues(r: RequestView): DecisionValues | undefined {
  if (!isFinal(r.decision)) return undefined;
  return {
    decision: r.decision,
    // Only an acceptance names a service it did not have: other decisions keep their versions.
    service: r.decision === DECISION.accepted ? acceptedService(r) : r.service,
    hours: r.hours ?? '',
    adviser: r.adviser,
    adviserContact: r.adviserContact,
    message: r.message,
    redirectedTo: r.redirectedTo,
  };
}

/**
 * Each request's last decision sent, by request ID (a correction replaces what it corrects):
 * its values, and its outbox key — the version the municipality holds.
 */
export function lastSentDecisions(log: readonly LogEntry[]): { values: Map<string, DecisionValues>; keys: Map<string, string> } {
  const values = new Map<string, DecisionValues>();
  const keys = new Map<string, string>();
  for (const e of log) {
    if (e.kind !== LOG_KIND.decision || e.state !== 'enviat') continue;
    keys.set(e.requestId, e.key);
    const v = parseDecisionDetail(e.detail);
    if (v) values.set(e.requestId, v);
  }
  return { values, keys };
}
