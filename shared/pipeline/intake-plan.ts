// What each submission of a batch becomes, decided without I/O from one read of the
// workspace: refused (invalid), already recorded (duplicate), or a new row with its
// reference. Every entry the batch writes to the log is planned here too, so the write
// that follows carries rows and log together.
import { canonicalTopic } from '../domain/calls';
import { classifyBatch, placeSubmission, type ClassifiedRequest, type Flag } from '../domain/classify';
import { localStamp } from '../domain/dates';
import type { LogEntry } from '../domain/log-entry';
import { parseSubmission, type FieldErrors, type Submission } from '../domain/schema';
import type { InvalidSubmission } from '../emails/staff-notice';
import { ca } from '../i18n/ca';
import { intent, mark, outboxKey } from '../outbox';
import type { IntakeSnapshot } from '../ports';
import { requestRow } from '../workspace/request-row';

export type IntakeInput =
  | { kind: 'json'; body: unknown }
  /** A body that could not even be parsed: still recorded, with its text. */
  | { kind: 'unparseable'; raw: string; reason: string };

export type IntakeOutcome =
  | { status: 'created' | 'duplicate'; reference: string; flags: Flag[] }
  | { status: 'invalid'; fieldErrors: FieldErrors; formErrors: string[] }
  | { status: 'unavailable' };

export type Parsed =
  | { kind: 'valid'; submission: Submission }
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

export function parse(input: IntakeInput): Parsed {
  if (input.kind === 'unparseable') {
    return { kind: 'invalid', id: '', fieldErrors: {}, formErrors: [input.reason], raw: input.raw };
  }
  const result = parseSubmission(input.body);
  if (result.ok) return { kind: 'valid', submission: result.value };
  const body = input.body as Record<string, unknown> | null;
  const id = typeof body?.submissionId === 'string' && SAFE_ID.test(body.submissionId) ? body.submissionId : '';
  return { kind: 'invalid', id, fieldErrors: result.fieldErrors, formErrors: result.formErrors, raw: safeJson(input.body) };
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
  const fresh: Submission[] = [];
  const firstOf = new Map<string, Parsed>();

  for (const item of items) {
    if (item.kind === 'invalid') refused.set(item, item);
    else if (!known.has(item.submission.submissionId) && !firstOf.has(item.submission.submissionId)) {
      firstOf.set(item.submission.submissionId, item);
      fresh.push(item.submission);
    }
  }

  const placeable: Submission[] = [];
  for (const s of fresh) {
    const placed = placeSubmission(snapshot.calls, s);
    if (!placed) return { kind: 'noCall' };
    const topic = canonicalTopic(placed.call, s.topic);
    if (topic === undefined) {
      const item = firstOf.get(s.submissionId)!;
      const fieldErrors = { topic: [ca.errors.invalidChoice(ca.fields.topic.label)] };
      refused.set(item, { kind: 'invalid', id: s.submissionId, fieldErrors, formErrors: [], raw: JSON.stringify(s) });
      continue;
    }
    placeable.push({ ...s, topic });
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
    const notes = r.flags;
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

  return { kind: 'ok', outcomes, created, invalid, rows: created.map((r) => requestRow(r, at)), log };
}

const refusedOutcome = (r: Extract<Parsed, { kind: 'invalid' }>): IntakeOutcome => ({ status: 'invalid', fieldErrors: r.fieldErrors, formErrors: r.formErrors });

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
