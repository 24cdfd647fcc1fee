// What each submission of a batch becomes, decided without I/O from one read of the
// workspace: refused (invalid), already recorded (duplicate), or a new row with its
// reference. Every entry the batch writes to the log is planned here too, so the write
// that follows carries rows and log together.
import { canonicalTopic } from '../domain/calls';
import { CLOCK_SKEW_NOTE, classifyBatch, placeSubmission, type Arrival, type ClassifiedRequest, type Flag } from '../domain/classify';
import { localStamp } from '../domain/dates';
import type { LogEntry } from '../domain/log-entry';
import { parseSubmission, type FieldErrors, type Submission } from '../domain/schema';
import type { InvalidSubmission } from '../emails/staff-notice';
import { ca } from '../i18n/ca';
import { intent, mark, outboxKey } from '../outbox';
import type { IntakeSnapshot } from '../ports';
import { requestRow } from '../workspace/request-row';

export type IntakeInput =
  /**
   * `receivedAt`: when the system received it (for the Forms door, Google's createTime);
   * it, not the sender's `submittedAt`, decides the call and lateness. Unset: when parsed.
   */
  | { kind: 'json'; body: unknown; receivedAt?: string }
  /** A body that could not even be parsed: still recorded, with its text. */
  | { kind: 'unparseable'; raw: string; reason: string };

export type IntakeOutcome =
  | { status: 'created' | 'duplicate'; reference: string; flags: Flag[] }
  | { status: 'invalid'; fieldErrors: FieldErrors; formErrors: string[] }
  /** Nothing was recorded; try again, after `retryAfterS` when the guard says how long. */
  | { status: 'unavailable'; retryAfterS?: number };

export type Parsed =
  | { kind: 'valid'; submission: Submission; receivedAt?: string }
  | { kind: 'invalid'; id: string; fieldErrors: FieldErrors; formErrors: string[]; raw: string };

export type BatchPlan =
  | { kind: 'noCall' }
  | {
      kind: 'ok';
      /** One per item, in the items' order. */
      outcomes: IntakeOutcome[];
      created: ClassifiedRequest[];
      invalid: InvalidSubmission[];
      rows: ReturnType<typeof requestRow>[];
      log: LogEntry[];
    };

const SAFE_ID = /^[A-Za-z0-9_-]{1,128}$/;
const NO_ID = '(sense ID)';

export function parse(input: IntakeInput, now?: Date): Parsed {
  if (input.kind === 'unparseable') {
    return { kind: 'invalid', id: '', fieldErrors: {}, formErrors: [input.reason], raw: clip(input.raw) };
  }
  const result = parseSubmission(input.body);
  if (result.ok) {
    const stated = input.receivedAt !== undefined && Number.isFinite(Date.parse(input.receivedAt)) ? input.receivedAt : undefined;
    const receivedAt = stated ?? now?.toISOString();
    return { kind: 'valid', submission: result.value, ...(receivedAt ? { receivedAt } : {}) };
  }
  const body = input.body as Record<string, unknown> | null;
  const id = typeof body?.submissionId === 'string' && SAFE_ID.test(body.submissionId) ? body.submissionId : '';
  return { kind: 'invalid', id, fieldErrors: result.fieldErrors, formErrors: result.formErrors, raw: clip(safeJson(input.body)) };
}

/**
 * Three passes, each on what the one before left: (1) refuse what failed validation and
 * answer what is already recorded; (2) place each new submission in its call and refuse a
 * thematic area the call does not offer; (3) number what remains, once, in arrival order.
 * A second delivery of one ID inside the batch answers like a later delivery would.
 */
export function planBatch(items: readonly Parsed[], snapshot: IntakeSnapshot, at: Date): BatchPlan {
  const stamp = localStamp(at);
  const known = new Map(snapshot.existing.map((e) => [e.id, e]));
  const refused = new Map<Parsed, Extract<Parsed, { kind: 'invalid' }>>();
  const fresh: Arrival[] = [];
  const firstOf = new Map<string, Parsed>();

  for (const item of items) {
    if (item.kind === 'invalid') refused.set(item, item);
    else if (!known.has(item.submission.submissionId) && !firstOf.has(item.submission.submissionId)) {
      firstOf.set(item.submission.submissionId, item);
      fresh.push({ submission: item.submission, receivedAt: item.receivedAt ?? at.toISOString() });
    }
  }

  const placeable: Arrival[] = [];
  for (const a of fresh) {
    const s = a.submission;
    const placed = placeSubmission(snapshot.calls, s, a.receivedAt);
    if (!placed) return { kind: 'noCall' };
    const topic = canonicalTopic(placed.call, s.topic);
    if (topic === undefined) {
      const item = firstOf.get(s.submissionId)!;
      const fieldErrors = { topic: [ca.errors.invalidChoice(ca.fields.topic.label)] };
      refused.set(item, { kind: 'invalid', id: s.submissionId, fieldErrors, formErrors: [], raw: JSON.stringify(s) });
      continue;
    }
    placeable.push({ ...a, submission: { ...s, topic } });
  }
  const created = classifyBatch(placeable, snapshot);
  const createdById = new Map(created.map((r) => [r.submission.submissionId, r]));

  const log: LogEntry[] = [];
  const invalid: InvalidSubmission[] = [];
  for (const r of refused.values()) {
    const requestId = r.id || NO_ID;
    invalid.push({ id: requestId, errors: r.fieldErrors, formErrors: r.formErrors });
    const detail = JSON.stringify({ errors: r.fieldErrors, formErrors: r.formErrors, body: r.raw });
    log.push(mark({ requestId, at: stamp, ...outboxKey.invalid(r.id), detail }));
  }
  for (const r of created) {
    const requestId = r.submission.submissionId;
    // The sender's own stamp is kept beside ours when they disagree; the sweep tells staff.
    const notes = [...r.flags, ...(r.clockSkew ? [`${CLOCK_SKEW_NOTE} (${r.submission.submittedAt})`] : [])];
    log.push(
      mark({ requestId, at: stamp, ...outboxKey.received(requestId), detail: `${r.reference}${notes.length ? ` · ${notes.join(', ')}` : ''}` }),
      intent({ requestId, at: stamp, ...outboxKey.confirmation(requestId), attempt: 1 }),
    );
  }

  const outcomes = items.map((item): IntakeOutcome => {
    const r = refused.get(item);
    if (r) return { status: 'invalid', fieldErrors: r.fieldErrors, formErrors: r.formErrors };
    const id = (item as Extract<Parsed, { kind: 'valid' }>).submission.submissionId;
    const existing = known.get(id);
    if (existing) return { status: 'duplicate', reference: existing.reference, flags: existing.flags ?? [] };
    const c = createdById.get(id);
    if (!c) return refusedOutcome(refused.get(firstOf.get(id)!)!); // a repeat of a refused submission
    return { status: firstOf.get(id) === item ? 'created' : 'duplicate', reference: c.reference, flags: c.flags };
  });

  return { kind: 'ok', outcomes, created, invalid, rows: created.map((r) => requestRow(r, new Date(r.receivedAt))), log };
}

const refusedOutcome = (r: Extract<Parsed, { kind: 'invalid' }>): IntakeOutcome => ({ status: 'invalid', fieldErrors: r.fieldErrors, formErrors: r.formErrors });

/** A Sheets cell holds 50,000 characters; the log's detail keeps the start of a refused body. */
const RAW_KEPT = 20_000;
const clip = (raw: string): string => (raw.length > RAW_KEPT ? `${raw.slice(0, RAW_KEPT)}…` : raw);

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
