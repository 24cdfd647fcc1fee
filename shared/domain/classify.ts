// Classification never rejects: a late, non-member or repeated request is still a
// request. It is flagged so the Commission and staff see it, and the applicant is told.
import { placeInCall, yearCall, type Call, type CallPlacement, type PoolConfig } from './calls';
import { localDay } from './dates';
import { findMember, memberKey, type Member } from './members';
import type { Submission } from './schema';
import { SIGNATURE_TOLERANCE_S } from './signature';
import { caMail } from '../i18n/ca-mail';
import { DEFAULT_PACKAGE_HOURS, DEFAULT_SESSION_HOURS, EITHER_SERVICE, SERVICE } from './vocabulary';

/** Early and no-call requests are flagged like late ones: the Commission decides. */
export type Flag = 'late' | 'non_member' | 'repeated_in_call' | 'early' | 'no_call';

/** What the workspace already holds, as far as classification needs. */
export interface ExistingRequest {
  id: string;
  reference: string;
  callId: string;
  /** The matched member's name, or the typed name for a non-member. */
  municipality: string;
  /** As recorded in the row, so a repeated delivery is answered with the same flags. */
  flags?: Flag[];
}

/** A submission and when the system received it: the time that decides its call. */
export interface Arrival {
  submission: Submission;
  /** ISO 8601; for the Forms door, Google's createTime. */
  receivedAt: string;
}

/** The log's note on a request whose sender's clock disagrees with ours. */
export const CLOCK_SKEW_NOTE = 'rellotge_desfasat';

/** The sender's `submittedAt` further from our receipt than a signature may be. */
export const isClockSkewed = (a: Arrival): boolean =>
  !(Math.abs(Date.parse(a.submission.submittedAt) - Date.parse(a.receivedAt)) <= SIGNATURE_TOLERANCE_S * 1000);

export interface ClassifiedRequest {
  submission: Submission;
  receivedAt: string;
  /** The sender's stamp is off by more than the signature tolerance: staff are told. */
  clockSkew: boolean;
  reference: string;
  call: Call;
  member?: Member;
  recentMember: boolean;
  early: boolean;
  flags: Flag[];
  /** For a request of no call: the yearly pools of its year it may draw on. */
  yearlyPools?: PoolConfig[];
}

export interface ClassifyContext {
  calls: readonly Call[];
  members: readonly Member[];
  existing: readonly ExistingRequest[];
  pools?: readonly PoolConfig[];
}

export class NoCallConfigured extends Error {
  constructor() {
    super('No call (convocatòria) is configured in the workspace');
  }
}

const serviceLabel = (s: Submission): string => (s.serviceType === 'either' ? EITHER_SERVICE : SERVICE[s.serviceType]);

/**
 * Where a submission goes, by the time it was received and its service; one that fits no call is kept under its
 * year (a yearly pool may serve it). Undefined only when no call is configured at all.
 */
export function placeSubmission(calls: readonly Call[], s: Submission, receivedAt: string): CallPlacement | undefined {
  if (!calls.length) return undefined;
  const placed = placeInCall(calls, receivedAt, serviceLabel(s), EITHER_SERVICE);
  if (placed) return { ...placed, noCall: false };
  const year = localDay(receivedAt).slice(0, 4);
  return { call: yearCall(year, caMail.confirmation.noCallTitle(year), { packageHours: DEFAULT_PACKAGE_HOURS, sessionHours: DEFAULT_SESSION_HOURS }), late: false, early: false, noCall: true };
}

/**
 * Classifies a batch in arrival order, each in the call of the time it was received (a
 * sender's own `submittedAt` could name any call); each request sees the ones before it in the batch,
 * so references stay unique and a second request from a town hall is flagged even when
 * both arrive in the same write.
 */
export function classifyBatch(batch: readonly Arrival[], ctx: ClassifyContext): ClassifiedRequest[] {
  const existing = [...ctx.existing];
  return batch.map((arrival) => {
    const { submission, receivedAt } = arrival;
    const placed = placeSubmission(ctx.calls, submission, receivedAt);
    if (!placed) throw new NoCallConfigured();
    const { call, late, early, noCall } = placed;
    const member = findMember(ctx.members, submission.municipality);
    const active = member?.active === true;
    const name = member?.name ?? submission.municipality;
    const key = memberKey(name).key;
    const repeated = existing.some(
      (r) => r.callId === call.id && r.id !== submission.submissionId && memberKey(r.municipality).key === key,
    );
    const flags: Flag[] = [];
    if (late) flags.push('late');
    if (early) flags.push('early');
    if (noCall) flags.push('no_call');
    if (!active) flags.push('non_member');
    if (repeated) flags.push('repeated_in_call');
    const reference = nextReference(call.id, existing);
    existing.push({ id: submission.submissionId, reference, callId: call.id, municipality: name });
    return {
      submission,
      receivedAt,
      clockSkew: isClockSkewed(arrival),
      reference,
      call,
      member: active ? member : undefined,
      recentMember: Boolean(active && member?.joinedOn && call.recentMemberSince && member.joinedOn >= call.recentMemberSince),
      early,
      flags,
      ...(noCall ? { yearlyPools: (ctx.pools ?? []).filter((p) => p.callId === call.id) } : {}),
    };
  });
}

/** "2020-04-017": the call's ID and a per-call sequence people can read over the phone. */
export function nextReference(callId: string, existing: readonly ExistingRequest[]): string {
  const prefix = `${callId}-`;
  let max = 0;
  for (const r of existing) {
    if (!r.reference.startsWith(prefix)) continue;
    const n = Number(r.reference.slice(prefix.length));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return `${prefix}${String(max + 1).padStart(3, '0')}`;
}
