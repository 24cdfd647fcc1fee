// What one sweep plans from: the workspace as read, at one instant, with the lookups every
// planner needs built once.
import { DateTime } from 'luxon';
import type { Call } from '../domain/calls';
import { ZONE } from '../domain/dates';
import type { DecisionValues } from '../domain/decisions';
import type { RequestView, SweepState } from '../domain/workspace-state';
import { lastSentDecisions } from './decision-values';
import { anonymisedCalls } from './retention';
import type { SweepOptions } from './types';

export interface SweepContext {
  state: SweepState;
  opts: SweepOptions;
  /** The sweep's instant in the Catalan calendar: days and delays are counted there. */
  now: DateTime;
  calls: ReadonlyMap<string, Call>;
  anonymised: ReadonlySet<string>;
  /** The requests planned for: none of an anonymised call's. */
  requests: readonly RequestView[];
  byId: ReadonlyMap<string, RequestView>;
  /** The values of each request's last decision sent. */
  lastSent: ReadonlyMap<string, DecisionValues>;
  /** Its outbox key: a version sent before but not last (a decision changed back) goes again. */
  lastSentKey: ReadonlyMap<string, string>;
}

export function sweepContext(state: SweepState, now: Date, opts: SweepOptions): SweepContext {
  // An anonymised call's rows hold no one to write to: nothing is planned for them.
  const anonymised = anonymisedCalls(state.log);
  const requests = state.requests.filter((r) => !anonymised.has(r.callId));
  const lastSent = lastSentDecisions(state.log);
  return {
    state,
    opts,
    now: DateTime.fromJSDate(now).setZone(ZONE),
    calls: new Map(state.calls.map((c) => [c.id, c])),
    anonymised,
    requests,
    byId: new Map(requests.map((r) => [r.id, r])),
    lastSent: lastSent.values,
    lastSentKey: lastSent.keys,
  };
}
