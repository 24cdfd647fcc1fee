// What setup sees and what it may do: the workspace as read (a tab's header, notes, rows,
// validation, protections, colour rules, filter views, charts) and each kind of step a plan
// is made of. The plan is setup-plan.ts; the Sheets requests, the adapter's.
import { normalFormula } from './formula-syntax';
import type { Validation } from './commission-columns';
import type { TabSpec } from './tab-spec';

export interface CurrentTab {
  header: string[];
  notes: string[];
  /** Any value below the header (configuration tabs are seeded only when empty). */
  hasData: boolean;
  /** For each header: the 1-based rows where that column has a value. */
  filledRows: (header: string) => number[];
  /** The column's values below the header, as text. */
  valuesOf: (header: string) => string[];
  /** Current formula text of a cell, by header and 1-based row. */
  formulaAt: (header: string, row: number) => string | undefined;
  /** Whether the column's first data cell is formatted as plain text (`@`). */
  isText: (header: string) => boolean;
  /** Validation of the first data cell of a column, as a rule key (see ruleKey). */
  validationOf: (header: string) => string | undefined;
  /** Setup's protections by description key (a race of two setups may leave two of one key). */
  protections: ReadonlyMap<string, readonly ProtectionNow[]>;
  conditionalFormulas: ReadonlySet<string>;
  filterViews: ReadonlySet<string>;
  chartTitles: ReadonlySet<string>;
}

export interface ProtectionNow {
  id: number;
  warningOnly: boolean;
  /** Editors' e-mail addresses, as the API lists them to the spreadsheet's owner. */
  editors: readonly string[];
}

export type SetupStep =
  | { kind: 'addTab'; title: string }
  | { kind: 'addHeaders'; title: string; startColumn: number; headers: string[] }
  /** A header of an earlier version given today's name in place: its column's values stay. */
  | { kind: 'renameHeader'; title: string; column: number; from: string; to: string }
  | { kind: 'textFormat'; title: string; columns: number[] }
  /** `startRow` (1-based): below what the tab holds, for seed rows added later by key. */
  | { kind: 'seed'; title: string; rows: ReadonlyArray<ReadonlyArray<string | number | boolean>>; startRow: number }
  | { kind: 'notes'; title: string; notes: Array<{ column: number; note: string }> }
  | { kind: 'validation'; title: string; column: number; header: string; rule: Validation }
  | { kind: 'formulas'; title: string; column: number; header: string; cells: Array<{ row: number; formula: string }> }
  /** editors empty: warning only (Google: editors are not supported with warningOnly). */
  | { kind: 'protect'; title: string; key: string; columns: number[] | 'all'; editors: string[] }
  /** An existing protection made enforced, with every writer among its editors. */
  | { kind: 'enforce'; title: string; key: string; protectedRangeId: number; editors: string[] }
  | { kind: 'conditional'; title: string; formula: string; columns: number[] | 'all'; color: { red: number; green: number; blue: number } }
  | { kind: 'filterView'; title: string; name: string; column: number; value: string }
  | { kind: 'chart'; title: string; chart: NonNullable<TabSpec['chart']> };

export const STRUCTURAL: ReadonlySet<SetupStep['kind']> = new Set(['addTab', 'renameHeader', 'addHeaders', 'textFormat', 'seed']);

export function ruleKey(rule: Validation): string {
  switch (rule.kind) {
    case 'number':
      return `number:${rule.min}:${rule.max}`;
    case 'list':
      return `list:${rule.values.join('|')}`;
    case 'range':
      return `range:${rule.range}`;
    case 'checkbox':
      return 'checkbox';
    case 'multipleOf':
      return `multipleOf:${normalFormula(rule.ofCell)}`;
  }
}

/** A tab that does not exist yet: nothing to keep, everything to add. */
export const EMPTY: CurrentTab = {
  header: [],
  notes: [],
  hasData: false,
  filledRows: () => [],
  valuesOf: () => [],
  formulaAt: () => undefined,
  isText: () => false,
  validationOf: () => undefined,
  protections: new Map(),
  conditionalFormulas: new Set(),
  filterViews: new Set(),
  chartTitles: new Set(),
};
