// The shape of a tab as setup wants it: headers, seed rows, text columns, renamed headers,
// validation, helper formulas, protections, colour rules, filter views, a chart.
import type { Validation } from './commission-columns';
import type { LetterOf } from './request-formulas';

export type Seed = ReadonlyArray<ReadonlyArray<string | number | boolean>>;

export interface ColumnFormulas {
  /** Helper headers, in the order `build` returns their formulas. */
  headers: readonly string[];
  /** 'data': every row that has a value in the first header's key column; a number: rows 2..n+1. */
  rows: 'data' | number;
  keyHeader?: string;
  /** A formula per header; '' for none in that row (setup clears one left by an older layout). */
  build: (row: number, letterOf: LetterOf) => string[];
}

export interface ConditionalSpec {
  key: string;
  /** Custom formula for row 2, with $-anchored columns (Sheets shifts it down the range). */
  formula: (letterOf: LetterOf) => string;
  /** Colour the whole row (all columns) or these headers. */
  headers: 'row' | readonly string[];
  color: { red: number; green: number; blue: number };
}

export interface TabSpec {
  title: string;
  headers: readonly string[];
  seed?: Seed;
  /**
   * Columns formatted as plain text (`@`), set before any seed is written: IDs people type
   * (`2020-04`, `2020-04-017`) that Sheets would otherwise turn into dates or numbers.
   */
  textColumns?: readonly string[];
  /** Old header → today's name: setup renames it in place instead of adding a new column. */
  renamed?: Readonly<Record<string, string>>;
  /** The header that identifies a seed row: rows whose key is missing are added on a re-run. */
  seedKey?: string;
  /** A rule, or one built from the request tab's layout (a custom formula naming its columns). */
  validations?: ReadonlyArray<{ header: string; rule: Validation | ((letterOf: LetterOf) => Validation) }>;
  formulas?: ColumnFormulas;
  /** Headers people must not type into (machine-written or formulas); 'all' = the whole tab. */
  protect?: 'all' | readonly string[];
  conditional?: readonly ConditionalSpec[];
  /** One filter view per value of this header's column in the calls tab. */
  filterViewsByCall?: string;
  /** A column chart of these series (0-based columns) against column A, for rows 1..rows. */
  chart?: { title: string; series: readonly number[]; rows: number; anchorColumn: number };
}

/** The colours of setup's rules: a problem, something to look at, the top of a ranking. */
export const RED = { red: 0.96, green: 0.8, blue: 0.8 };
export const ORANGE = { red: 1, green: 0.9, blue: 0.75 };
export const GREEN = { red: 0.82, green: 0.94, blue: 0.82 };
