// The workspace as plain data, as one read of the sheet gives it: the requests with the
// Commission's columns, the pools, the calls, the members and the log. The sweep plans
// from it; the Forms reconciliation and the adapters share it.
import type { Call } from './calls';
import type { LogEntry } from './log-entry';
import type { Member } from './members';
import type { PrivacySettings } from './privacy';

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
  /** The sheet's "Hores fetes" and "Hores restants" helpers (sessions against the hours counted). */
  hoursDone?: number;
  hoursLeft?: number;
  /** The row in the request tab (1-based, as people read it), to name a cell to staff. */
  row?: number;
  /** Cells of the row that show a formula error (`#NAME?`, `#REF!`…), by header. */
  cellErrors?: CellIssue[];
}

/** A cell a person must fix: its column's header and what it shows. */
export interface CellIssue {
  header: string;
  shown: string;
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
  /** The network's data-protection notice (the default when the sheet has none). */
  privacy?: PrivacySettings;
  /** Response IDs already in the Avaluacions tab. */
  evaluationResponseIds?: ReadonlySet<string>;
  sessions?: SessionView[];
}
