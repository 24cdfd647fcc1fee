// One pipeline for every door (signed HTTP, the Forms watch, the sweep's reconciliation):
// validate → classify → record (row + log, one write) → confirm by email → record the
// outcome. Nothing is answered before it is recorded; nothing is written twice.
import { canonicalTopic } from '../domain/calls';
import { classifyBatch, NoCallConfigured, type ClassifiedRequest, type ExistingRequest, type Flag } from '../domain/classify';
import { localStamp } from '../domain/dates';
import { parseSubmission, type FieldErrors, type Submission } from '../domain/schema';
import { ca } from '../i18n/ca';
import { confirmationEmail } from '../emails/confirmation';
import { staffNotice, type InvalidSubmission } from '../emails/staff-notice';
import { UpstreamError } from '../errors';
import type { Logger } from '../log';
import type { IntakeSnapshot, Mailer, WorkspaceStore } from '../ports';
import type { LogEntry } from '../workspace/log-entry';
import { requestRow } from '../workspace/request-row';
import { WriteQueue } from './write-queue';

export type IntakeInput =
  | { kind: 'json'; body: unknown }
  /** A body that could not even be parsed: still recorded, with its text. */
  | { kind: 'unparseable'; raw: string; reason: string };

export type IntakeOutcome =
  | { status: 'created' | 'duplicate'; reference: string; flags: Flag[] }
  | { status: 'invalid'; fieldErrors: FieldErrors; formErrors: string[] }
  | { status: 'unavailable' };

export interface IntakeDeps {
  store: WorkspaceStore;
  mailer: Mailer;
  staffEmails: string[];
  replyTo?: string;
  logger: Logger;
  now?: () => Date;
  /** Writes that may have been applied are checked and tried again this many times. */
  writeAttempts?: number;
}

type Parsed =
  | { kind: 'valid'; submission: Submission }
  | { kind: 'invalid'; id: string; fieldErrors: FieldErrors; formErrors: string[]; raw: string };

export interface IntakePipeline {
  submit(input: IntakeInput): Promise<IntakeOutcome>;
  /** Inputs written together, in one flush when nothing else is queued. */
  submitMany(inputs: readonly IntakeInput[]): Promise<IntakeOutcome[]>;
}

export function createIntakePipeline(deps: IntakeDeps): IntakePipeline {
  const now = deps.now ?? (() => new Date());
  const queue = new WriteQueue<Parsed, IntakeOutcome>((items) => flush(items));

  async function flush(items: Parsed[]): Promise<IntakeOutcome[]> {
    const started = Date.now();
    let snapshot: IntakeSnapshot;
    try {
      snapshot = await deps.store.readIntakeSnapshot();
    } catch (error) {
      deps.logger.log('ERROR', 'intake: workspace read failed', { error, batch: items.length });
      return items.map(() => ({ status: 'unavailable' }));
    }
    const plan = planBatch(items, snapshot, now());
    if (plan.kind === 'noCall') {
      deps.logger.log('ERROR', 'intake: no call configured in the workspace', { batch: items.length });
      return items.map(() => ({ status: 'unavailable' }));
    }
    const written = await writeWithCheck(plan.rows, plan.log, plan.created[0]?.submission.submissionId);
    if (!written) return items.map(() => ({ status: 'unavailable' }));

    const results = await sendEmails(plan.created, plan.invalid);
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

  /**
   * A write answered with a 5xx or a timeout may still have been applied. Re-read before
   * trying again, so a retry never appends the same rows twice.
   */
  async function writeWithCheck(rows: Parameters<WorkspaceStore['appendRequests']>[0], log: LogEntry[], probeId?: string) {
    const attempts = deps.writeAttempts ?? 3;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        await deps.store.appendRequests(rows, log);
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

  async function sendEmails(created: ClassifiedRequest[], invalid: InvalidSubmission[]): Promise<LogEntry[]> {
    const entries: LogEntry[] = [];
    const record = (requestId: string, kind: LogEntry['kind'], key: string, outcome: { messageId?: string; error?: unknown }) =>
      entries.push({
        requestId,
        at: localStamp(now()),
        kind,
        state: outcome.error ? 'error' : 'enviat',
        key,
        detail: outcome.error ? `intent 1: ${String((outcome.error as Error).message ?? outcome.error)}` : `missatge ${outcome.messageId}`,
      });
    const send = async (email: Parameters<Mailer['send']>[0]) => {
      try {
        return { messageId: (await deps.mailer.send(email)).messageId };
      } catch (error) {
        deps.logger.log('WARNING', 'intake: email failed', { error });
        return { error };
      }
    };
    await Promise.all(
      created.map(async (r) => {
        const id = r.submission.submissionId;
        record(id, 'confirmacio', `confirmacio:${id}`, await send(confirmationEmail(r, deps.replyTo)));
      }),
    );
    const notice = staffNotice(created, invalid, deps.staffEmails);
    if (notice) {
      const outcome = await send(notice);
      for (const r of created) record(r.submission.submissionId, 'avis_personal', `avis_personal:${r.submission.submissionId}`, outcome);
      for (const i of invalid) record(i.id, 'avis_personal', `avis_personal:invalida:${i.id}`, outcome);
    }
    return entries;
  }

  return {
    submit(input) {
      return queue.push(parse(input));
    },
    submitMany(inputs) {
      return queue.pushAll(inputs.map(parse));
    },
  };
}

function parse(input: IntakeInput): Parsed {
  if (input.kind === 'unparseable') {
    return { kind: 'invalid', id: '', fieldErrors: {}, formErrors: [input.reason], raw: input.raw };
  }
  const result = parseSubmission(input.body);
  if (result.ok) return { kind: 'valid', submission: result.value };
  const body = input.body as Record<string, unknown> | null;
  const id = typeof body?.submissionId === 'string' && /^[A-Za-z0-9_-]{1,128}$/.test(body.submissionId) ? body.submissionId : '';
  return { kind: 'invalid', id, fieldErrors: result.fieldErrors, formErrors: result.formErrors, raw: safeJson(input.body) };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

type Plan =
  | { kind: 'noCall' }
  | {
      kind: 'ok';
      outcomes: IntakeOutcome[];
      created: ClassifiedRequest[];
      invalid: InvalidSubmission[];
      rows: ReturnType<typeof requestRow>[];
      log: LogEntry[];
    };

/** Decides, without I/O, what each item of a batch becomes. */
export function planBatch(items: Parsed[], snapshot: IntakeSnapshot, at: Date): Plan {
  const stamp = localStamp(at);
  const known = new Map<string, ExistingRequest>(snapshot.existing.map((e) => [e.id, e]));
  const outcomes: Array<IntakeOutcome | string> = []; // a string: "same as that ID in this batch"
  const fresh: Submission[] = [];
  const invalid: InvalidSubmission[] = [];
  const log: LogEntry[] = [];
  const inBatch = new Set<string>();

  const reject = (id: string, fieldErrors: FieldErrors, formErrors: string[], raw: string) => {
    invalid.push({ id: id || '(sense ID)', errors: fieldErrors, formErrors });
    log.push({
      requestId: id || '(sense ID)',
      at: stamp,
      kind: 'invalida',
      state: 'registrat',
      key: `invalida:${id}`,
      detail: JSON.stringify({ errors: fieldErrors, formErrors, body: raw }),
    });
    outcomes.push({ status: 'invalid', fieldErrors, formErrors });
  };

  for (const item of items) {
    if (item.kind === 'invalid') {
      reject(item.id, item.fieldErrors, item.formErrors, item.raw);
      continue;
    }
    const s = item.submission;
    const existing = known.get(s.submissionId);
    if (existing) {
      outcomes.push({ status: 'duplicate', reference: existing.reference, flags: existing.flags ?? [] });
    } else if (inBatch.has(s.submissionId)) {
      outcomes.push(s.submissionId);
    } else {
      inBatch.add(s.submissionId);
      fresh.push(s);
      outcomes.push(s.submissionId);
    }
  }

  let classified: ClassifiedRequest[];
  try {
    classified = classifyBatch(fresh, snapshot);
  } catch (e) {
    if (e instanceof NoCallConfigured) return { kind: 'noCall' };
    throw e;
  }
  // The call's thematic areas are per call, so the topic is checked once the call is known.
  const created: ClassifiedRequest[] = [];
  const byId = new Map<string, IntakeOutcome>();
  for (const r of classified) {
    const topic = canonicalTopic(r.call, r.submission.topic);
    if (topic === undefined) {
      const fieldErrors = { topic: [ca.errors.invalidChoice(ca.fields.topic.label)] };
      const before = outcomes.length;
      reject(r.submission.submissionId, fieldErrors, [], JSON.stringify(r.submission));
      byId.set(r.submission.submissionId, outcomes.splice(before, 1)[0] as IntakeOutcome);
      continue;
    }
    r.submission.topic = topic;
    created.push(r);
  }
  // References were numbered before topic rejections; renumber so they stay contiguous.
  const final = created.length === classified.length ? created : classifyBatch(created.map((r) => r.submission), snapshot);
  for (const r of final) byId.set(r.submission.submissionId, { status: 'created', reference: r.reference, flags: r.flags });

  const rows = final.map((r) => requestRow(r, at));
  for (const r of final) {
    const id = r.submission.submissionId;
    const notes = [...r.flags, ...(r.early ? ['abans_obertura'] : [])];
    log.push(
      { requestId: id, at: stamp, kind: 'rebuda', state: 'registrat', key: `rebuda:${id}`, detail: `${r.reference}${notes.length ? ` · ${notes.join(', ')}` : ''}` },
      { requestId: id, at: stamp, kind: 'confirmacio', state: 'pendent', key: `confirmacio:${id}`, detail: 'intent 1' },
    );
  }
  const seen = new Set<string>();
  return {
    kind: 'ok',
    created: final,
    invalid,
    rows,
    log,
    outcomes: outcomes.map((o) => {
      if (typeof o !== 'string') return o;
      const out = byId.get(o)!;
      // The second delivery of an ID inside one batch is a duplicate of the first.
      if (seen.has(o) && out.status === 'created') return { ...out, status: 'duplicate' as const };
      seen.add(o);
      return out;
    }),
  };
}
