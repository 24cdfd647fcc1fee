// One pipeline for every door (signed HTTP, the Forms watch, the sweep's reconciliation):
// validate → classify → record (row + log, one write) → confirm by email → record the
// outcome. Nothing is answered before it is recorded; nothing is written twice.
import type { ClassifiedRequest } from '../domain/classify';
import { localStamp } from '../domain/dates';
import type { LogEntry } from '../domain/log-entry';
import { confirmationEmail } from '../emails/confirmation';
import { staffNotice, type InvalidSubmission } from '../emails/staff-notice';
import { UpstreamError } from '../errors';
import type { Logger } from '../log';
import { outboxKey, recipientTag, sendResult, type SendOutcome } from '../outbox';
import type { IntakeSnapshot, Mailer, OutgoingEmail, WorkspaceStore } from '../ports';
import { isGuardRefusal, type WriteGuard } from '../lease/guard';
import { parse, planBatch, type BatchPlan, type IntakeInput, type IntakeOutcome, type Parsed } from './intake-plan';
import { WriteQueue } from './write-queue';

export type { IntakeInput, IntakeOutcome } from './intake-plan';

export interface IntakeDeps {
  store: WorkspaceStore;
  /**
   * Taken once per flush around read → classify → append, so no other process (another
   * instance, another door) reads the same rows and appends the same request or reference.
   */
  guard: WriteGuard;
  mailer: Mailer;
  staffEmails: string[];
  replyTo?: string;
  logger: Logger;
  now?: () => Date;
  /** Writes that may have been applied are checked and tried again this many times. */
  writeAttempts?: number;
}

export interface IntakePipeline {
  submit(input: IntakeInput): Promise<IntakeOutcome>;
  /** Inputs written together, in one flush when nothing else is queued. */
  submitMany(inputs: readonly IntakeInput[]): Promise<IntakeOutcome[]>;
}

type Fence = (minWriteMs?: number) => Promise<number>;
/** What was written, with the data-protection notice the same read found (for the emails). */
type Recorded = Extract<BatchPlan, { kind: 'ok' }> & { privacy: IntakeSnapshot['privacy'] };

export function createIntakePipeline(deps: IntakeDeps): IntakePipeline {
  const now = deps.now ?? (() => new Date());
  const queue = new WriteQueue<Parsed, IntakeOutcome>((items) => flush(items));

  async function flush(items: Parsed[]): Promise<IntakeOutcome[]> {
    const started = Date.now();
    const unavailable = (retryAfterS?: number): IntakeOutcome[] =>
      items.map(() => (retryAfterS ? { status: 'unavailable', retryAfterS } : { status: 'unavailable' }));
    let plan: Recorded | undefined;
    try {
      plan = await deps.guard.run((fence) => record(items, fence));
    } catch (error) {
      // Busy: another process held the guard for the whole wait. Lost: it expired before the
      // write. Either way nothing was appended by us after another could read: try again.
      if (!isGuardRefusal(error) && !(error instanceof UpstreamError && error.service === 'storage')) throw error;
      deps.logger.log('WARNING', 'intake: write guard unavailable', { error, batch: items.length });
      return unavailable(deps.guard.retryAfterS);
    }
    if (!plan) return unavailable();

    // The rows are recorded: emails and their results need no guard (only the creator sends).
    const results = await sendEmails(plan.created, plan.invalid, plan.privacy);
    try {
      await deps.store.appendLog(results);
    } catch (error) {
      // The emails went out; the sweep sees intents without results and, after its
      // timeout, may send again: the documented duplicate window.
      deps.logger.log('ERROR', 'intake: email results not recorded', { error, count: results.length });
    }
    deps.logger.log('INFO', 'intake: batch recorded', {
      batch: items.length,
      created: plan.created.length,
      invalid: plan.invalid.length,
      ms: Date.now() - started,
    });
    return plan.outcomes;
  }

  /** Inside the guard: read, decide, append. undefined: nothing recorded, answer unavailable. */
  async function record(items: Parsed[], fence: Fence): Promise<Recorded | undefined> {
    let snapshot: IntakeSnapshot;
    try {
      snapshot = await deps.store.readIntakeSnapshot();
    } catch (error) {
      deps.logger.log('ERROR', 'intake: workspace read failed', { error, batch: items.length });
      return undefined;
    }
    const plan = planBatch(items, snapshot, now());
    if (plan.kind === 'noCall') {
      deps.logger.log('ERROR', 'intake: no call configured in the workspace', { batch: items.length });
      return undefined;
    }
    const written = await writeWithCheck(plan.rows, plan.log, fence, plan.created[0]?.submission.submissionId);
    return written ? { ...plan, privacy: snapshot.privacy } : undefined;
  }

  /**
   * A write answered with a 5xx or a timeout may still have been applied. Re-read before
   * trying again, so a retry never appends the same rows twice. Each attempt is fenced:
   * sent only while the guard is still ours, and cut off before it could expire.
   */
  async function writeWithCheck(rows: Parameters<WorkspaceStore['appendRequests']>[0], log: LogEntry[], fence: Fence, probeId?: string) {
    const attempts = deps.writeAttempts ?? 3;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const timeoutMs = await fence(); // LeaseLost propagates: the flush answers unavailable
      try {
        await deps.store.appendRequests(rows, log, Number.isFinite(timeoutMs) ? { timeoutMs } : {});
        return true;
      } catch (error) {
        deps.logger.log('WARNING', 'intake: write failed', { error, attempt });
        if (error instanceof UpstreamError && !error.transient) return false;
        try {
          const again = await deps.store.readIntakeSnapshot();
          if (probeId && again.existing.some((e) => e.id === probeId)) return true; // it was applied
        } catch {
          // still failing: the next attempt or the 503 will tell
        }
      }
    }
    return false;
  }

  async function sendEmails(created: ClassifiedRequest[], invalid: InvalidSubmission[], privacy: IntakeSnapshot['privacy']): Promise<LogEntry[]> {
    const at = localStamp(now());
    const send = async (email: OutgoingEmail): Promise<SendOutcome> => {
      try {
        return { messageId: (await deps.mailer.send(email)).messageId };
      } catch (error) {
        deps.logger.log('WARNING', 'intake: email failed', { error });
        return { error };
      }
    };
    const entries = await Promise.all(
      created.map(async (r) => {
        const requestId = r.submission.submissionId;
        const email = confirmationEmail(r, deps.replyTo, privacy);
        const outcome = await send(email);
        return sendResult({ requestId, at, ...outboxKey.confirmation(requestId), attempt: 1, outcome, recipients: recipientTag(email) });
      }),
    );
    const notice = staffNotice(created, invalid, deps.staffEmails);
    if (notice) {
      const outcome = await send(notice);
      for (const r of created) {
        const requestId = r.submission.submissionId;
        entries.push(sendResult({ requestId, at, ...outboxKey.staffNotice(requestId), attempt: 1, outcome }));
      }
      for (const i of invalid) entries.push(sendResult({ requestId: i.id, at, ...outboxKey.staffNoticeInvalid(i.id), attempt: 1, outcome }));
    }
    return entries;
  }

  return {
    submit(input) {
      return queue.push(parse(input, now()));
    },
    submitMany(inputs) {
      return queue.pushAll(inputs.map((i) => parse(i, now())));
    },
  };
}
