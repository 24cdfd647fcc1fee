// The workspace as plain data, as one read of the sheet gives it: the requests with the
// Commission's columns, the pools, the calls, the members and the log. The sweep plans
// from it; the Forms reconciliation and the adapters share it.
import type { Call } from './calls';
import type { LogEntry } from './log-entry';
import type { Member } from './members';

export interface RequestView {
  id: string;
  reference: string;
  callId: string;
  municipality: string;
  contactName: string;
  contactEmail: string;
  topic: string;
  requestedService: string;
  late: boolean;
  /** Sent before its call opened. */
  early?: boolean;
  /** The year it was sent (a yearly pool of that year may serve it). */
  year?: string;
  member: boolean;
  decision: string;
  service: string;
  hours: number | undefined;
  adviser: string;
  adviserContact: string;
  message: string;
  redirectedTo: string;
  announce: boolean;
  release: boolean;
}

export interface PoolView {
  callId: string;
  service: string;
  hours: number;
  /** The sheet's own "Restants" helper (pool − assigned to accepted requests). */
  left: number | undefined;
}

/** A row of the Sessions tab, as far as the sweep checks it. */
export interface SessionView {
  requestId: string;
  date: string;
  /** The sheet's "Dins del període" helper: false when held outside the call's window. */
  inWindow: boolean | undefined;
}

export interface SweepState {
  requests: RequestView[];
  log: LogEntry[];
  calls: Call[];
  pools: PoolView[];
  members: Member[];
  sessions?: SessionView[];
}
