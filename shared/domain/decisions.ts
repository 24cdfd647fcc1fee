// A released decision is identified by what the municipality would read: the decision
// and the details that go into its email. Changing any of them makes a new version, which
// is sent as a correction; the same version is never sent twice.
import { createHash } from 'node:crypto';
import { FINAL_DECISIONS, type FinalDecision } from './vocabulary';

export { FINAL_DECISIONS, type FinalDecision };

export interface DecisionValues {
  decision: FinalDecision;
  service: string;
  hours: number | '';
  adviser: string;
  adviserContact: string;
  message: string;
  redirectedTo: string;
}

export const isFinal = (d: string): d is FinalDecision => (FINAL_DECISIONS as readonly string[]).includes(d);

export function fingerprint(v: DecisionValues): string {
  const canonical = JSON.stringify([v.decision, v.service, v.hours, v.adviser, v.adviserContact, v.message, v.redirectedTo]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 12);
}

/** The fields of `next` that differ from `previous`, in email order. */
export function changedFields(previous: DecisionValues, next: DecisionValues): Array<keyof DecisionValues> {
  const keys: Array<keyof DecisionValues> = ['decision', 'service', 'hours', 'adviser', 'adviserContact', 'message', 'redirectedTo'];
  return keys.filter((k) => previous[k] !== next[k]);
}

export function parseDecisionDetail(detail: string | undefined): DecisionValues | undefined {
  if (!detail) return undefined;
  try {
    const v = JSON.parse(detail) as DecisionValues;
    return isFinal(v.decision) ? v : undefined;
  } catch {
    return undefined;
  }
}
