// The shapes of a sweep's plan: what the caller passes in, and the sends, digest items and
// marks it gets back to carry out. Apart from the planners so each of them can name them.
import type { Keyed } from '../outbox';
import type { OutgoingEmail } from '../ports';

export interface SweepOptions {
  staff: string[];
  replyTo?: string;
  /** An intent older than this without a result is taken as a crash between send and log. */
  intentTimeoutMinutes?: number;
  confirmationMaxTries?: number;
  /** First retry delay; it doubles with each failure. */
  retryBaseMinutes?: number;
  /** The evaluation form's address for respondents; unset: no evaluation is asked. */
  evaluationUri?: string;
}

export interface PlannedSend extends Keyed {
  requestId: string;
  email: OutgoingEmail;
  /** What the log keeps once sent (decisions keep their values, for corrections). */
  sentDetail: string;
  attempt: number;
}

export interface DigestItem {
  key: string;
  text: string;
}

export interface SweepPlan {
  sends: PlannedSend[];
  digest: DigestItem[];
  /** Log entries of what was held back or given up (a held-back acceptance, an alert); each is a digest item too, written with that digest. */
  marks: Array<Keyed & { requestId: string; detail: string }>;
}
