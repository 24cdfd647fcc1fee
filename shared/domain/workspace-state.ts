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
}
