// What may keep an email from going out in a sweep: a cell a person must fix, or the
// failures before it. Decided from the row and the log alone, so a unit test reads it.
import type { CellIssue, RequestView } from '../domain/workspace-state';
import { singleAddress } from '../emails/recipients';
import type { OutboxStatus } from '../outbox';
import { REQUEST_COLUMNS } from '../workspace/request-row';

export interface RetryPolicy {
  maxTries: number;
  /** First retry delay; it doubles with each failure. */
  baseMinutes: number;
}

/**
 * After a failed send: `refused` (SendGrid refused it for good, for these same recipients:
 * trying again cannot help until a person changes the cell), `stopped` (transient failures
 * reached the limit), `wait` (backing off) or `send`.
 */
export function afterFailure(st: OutboxStatus, recipients: string, minutesSince: number, p: RetryPolicy): 'refused' | 'stopped' | 'wait' | 'send' {
  if (st.permanentFor !== undefined) return st.permanentFor === recipients ? 'refused' : 'send';
  if (st.failures >= p.maxTries) return 'stopped';
  return minutesSince < p.baseMinutes * 2 ** Math.max(0, st.failures - 1) ? 'wait' : 'send';
}

/**
 * The cell that holds a decision back: one showing a formula error (read as empty, it
 * would send a blank message or target), or a recipient cell that is not one address.
 */
export function heldBy(r: RequestView): CellIssue | undefined {
  const error = r.cellErrors?.[0];
  if (error) return error;
  if (!singleAddress(r.contactEmail)) return { header: REQUEST_COLUMNS.contactEmail, shown: r.contactEmail };
  return undefined;
}
