// The whole workspace as it should be: tabs, headers with notes, seeds, validation,
// helper formulas, protections, colours and filter views. Setup compares this with the
// spreadsheet and changes only what differs.
import { headerNotes } from '../i18n/ca-sheet';
import { COMMISSION_COLUMNS, COMMISSION_VALIDATION, RENAMED_HEADERS, type Validation } from './commission-columns';
import { CRITERIA, CRITERIA_HEADERS, CRITERIA_KEY } from './criteria';
import { portable } from './formula-syntax';
import { HELPER_COLUMNS, REQUEST_TAB_HEADERS, requestFormulas, type LetterOf } from './request-formulas';
import { MACHINE_HEADERS, REQUEST_COLUMNS } from './request-row';
import { SEED_CALLS, SEED_POOLS } from './seed';
import { SEED_SETTINGS, SETTINGS_HEADERS, SETTINGS_TAB } from './settings';
import { EVALUATION_HEADERS, EVALUATION_SUMMARY_HEADERS, EVALUATION_SUMMARY_ROWS, EVALUATIONS_TAB, evaluationSummaryFormulas } from './evaluations';
import { YEARLY_FIRST_HIDDEN, YEARLY_FORMULA_HEADERS, YEARLY_HEADERS, YEARLY_ROWS, YEARLY_SEED, YEARLY_TAB, yearlyFormulas } from './yearly-view';
import { poolFormulas, reviewFormulas, sessionFormulas, SUMMARY_HEADERS, summaryFormulas } from './tab-formulas';
import { CALL_HEADERS, columnLetter, dataColumn, LOG_HEADERS, MEMBER_HEADERS, POOL_HEADERS, TABS } from './tabs';
import {
  CRITERIA_TAB,
  PREPARED_ROWS,
  REVIEW_COLUMNS,
  REVIEW_INPUTS,
  REVIEWS_TAB,
  SESSION_COLUMNS,
  SESSION_INPUTS,
  SESSIONS_TAB,
  SUMMARY_TAB,
  POOL_HELPERS,
} from './tabs-extra';

type Seed = ReadonlyArray<ReadonlyArray<string | number | boolean>>;

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

const RED = { red: 0.96, green: 0.8, blue: 0.8 };
const ORANGE = { red: 1, green: 0.9, blue: 0.75 };
const GREEN = { red: 0.82, green: 0.94, blue: 0.82 };

const helpers = Object.values(HELPER_COLUMNS);

/** A row rule that holds only on a row with a request in it. */
const onRequest = (L: LetterOf, condition: string): string => portable(`=AND($${L(REQUEST_COLUMNS.id)}2<>"",${condition})`);
const requestHeaders = REQUEST_TAB_HEADERS;

const wholeSessions = (L: LetterOf): Validation => {
  const hours = `$${L(COMMISSION_COLUMNS.hours)}2`;
  return { kind: 'multipleOf', ofCell: portable(`=OR(${hours}="",AND(ISNUMBER(${hours}),${hours}>=0,MOD(${hours},$${L(HELPER_COLUMNS.sessionHours)}2)=0))`) };
};

export function workspaceSpec(extraSeed: Partial<Record<string, Seed>> = {}): TabSpec[] {
  const withSeed = (t: TabSpec): TabSpec => ({ ...t, seed: [...(t.seed ?? []), ...(extraSeed[t.title] ?? [])] });
  return [
    {
      title: TABS.requests,
      headers: requestHeaders,
      renamed: RENAMED_HEADERS,
      validations: [
        ...Object.entries(COMMISSION_VALIDATION).map(([k, rule]) => ({
          header: COMMISSION_COLUMNS[k as keyof typeof COMMISSION_COLUMNS],
          rule: rule!,
        })),
        // The bases give packages of whole sessions: hours a multiple of the call's session length.
        { header: COMMISSION_COLUMNS.hours, rule: wholeSessions },
      ],
      formulas: { headers: helpers, rows: 'data', keyHeader: REQUEST_COLUMNS.id, build: (r, L) => {
          const row = requestFormulas(r, L);
          return helpers.map((h) => row[h]!);
        },
      },
      protect: [...MACHINE_HEADERS, ...helpers],
      conditional: [
        // A blank cell equals FALSE in Sheets: without the guard on a real request (its ID),
        // the non-member rule would paint every empty row.
        { key: 'late', formula: (L) => onRequest(L, `$${L(REQUEST_COLUMNS.late)}2=TRUE`), headers: 'row', color: ORANGE },
        { key: 'nonMember', formula: (L) => onRequest(L, `$${L(REQUEST_COLUMNS.member)}2=FALSE`), headers: 'row', color: RED },
        { key: 'early', formula: (L) => onRequest(L, `$${L(REQUEST_COLUMNS.early)}2=TRUE`), headers: 'row', color: ORANGE },
        {
          key: 'top',
          formula: (L) => portable(`=AND($${L(HELPER_COLUMNS.rank)}2<>"",$${L(HELPER_COLUMNS.rank)}2<=3)`),
          headers: [HELPER_COLUMNS.total, HELPER_COLUMNS.rank],
          color: GREEN,
        },
        {
          key: 'overLeft',
          formula: (L) => portable(`=AND($${L(HELPER_COLUMNS.hoursLeft)}2<>"",$${L(HELPER_COLUMNS.hoursLeft)}2<0)`),
          headers: [HELPER_COLUMNS.hoursLeft],
          color: RED,
        },
      ],
      filterViewsByCall: REQUEST_COLUMNS.call,
    },
    withSeed({
      title: REVIEWS_TAB,
      headers: REVIEW_COLUMNS,
      textColumns: ['ID sol·licitud'],
      validations: [
        { header: 'ID sol·licitud', rule: { kind: 'range', range: dataColumn(TABS.requests, REQUEST_TAB_HEADERS, REQUEST_COLUMNS.id) } },
        { header: 'Municipi de la persona avaluadora', rule: { kind: 'range', range: dataColumn(TABS.members, MEMBER_HEADERS, 'Nom') } },
        ...['Necessitat i impacte', 'Transferibilitat', 'Alineació'].map((header) => ({ header, rule: { kind: 'number', min: 0, max: 5 } as const })),
      ],
      formulas: { headers: REVIEW_COLUMNS.slice(REVIEW_INPUTS), rows: PREPARED_ROWS, build: reviewFormulas },
      protect: REVIEW_COLUMNS.slice(REVIEW_INPUTS),
      conditional: [{ key: 'conflict', formula: () => portable(`=AND($${columnLetter(REVIEW_COLUMNS.indexOf('ID sol·licitud'))}2<>"",$I2=TRUE)`), headers: 'row', color: RED }],
    }),
    withSeed({
      title: SESSIONS_TAB,
      headers: SESSION_COLUMNS,
      textColumns: ['ID sol·licitud'],
      validations: [
        { header: 'ID sol·licitud', rule: { kind: 'range', range: dataColumn(TABS.requests, REQUEST_TAB_HEADERS, REQUEST_COLUMNS.id) } },
        { header: 'Hores', rule: { kind: 'number', min: 0, max: 24 } },
        { header: 'Modalitat', rule: { kind: 'list', values: ['Presencial', 'A distància'] } },
      ],
      formulas: { headers: SESSION_COLUMNS.slice(SESSION_INPUTS), rows: PREPARED_ROWS, build: sessionFormulas },
      protect: SESSION_COLUMNS.slice(SESSION_INPUTS),
      // A session outside its call's window is not counted as done: the row says so in red.
      conditional: [{ key: 'outOfWindow', formula: () => portable(`=AND($A2<>"",$${columnLetter(SESSION_COLUMNS.indexOf('Dins del període'))}2=FALSE)`), headers: 'row', color: RED }],
    }),
    withSeed({
      title: TABS.pools,
      headers: [...POOL_HEADERS, ...POOL_HELPERS],
      textColumns: ['Convocatòria'],
      seed: SEED_POOLS,
      formulas: { headers: POOL_HELPERS, rows: 50, build: poolFormulas },
      protect: POOL_HELPERS,
      conditional: [{ key: 'poolNegative', formula: () => portable(`=AND($F2<>"",$F2<0)`), headers: ['Restants'], color: RED }],
    }),
    withSeed({ title: TABS.calls, headers: CALL_HEADERS, textColumns: ['ID'], seed: SEED_CALLS }),
    withSeed({ title: CRITERIA_TAB, headers: CRITERIA_HEADERS, seed: CRITERIA.map((c) => [...c]), seedKey: CRITERIA_KEY, protect: [CRITERIA_KEY] }),
    withSeed({ title: SETTINGS_TAB, headers: SETTINGS_HEADERS, seed: SEED_SETTINGS, seedKey: SETTINGS_HEADERS[0], protect: [SETTINGS_HEADERS[0]] }),
    withSeed({ title: TABS.members, headers: MEMBER_HEADERS, validations: [{ header: 'Actiu', rule: { kind: 'checkbox' } }] }),
    withSeed({
      title: SUMMARY_TAB,
      headers: SUMMARY_HEADERS,
      formulas: { headers: SUMMARY_HEADERS, rows: 20, build: summaryFormulas },
      protect: 'all',
      chart: { title: 'Sol·licituds i acceptades per convocatòria', series: [1, 2], rows: 21, anchorColumn: SUMMARY_HEADERS.length + 1 },
    }),
    withSeed({
      title: YEARLY_TAB,
      headers: YEARLY_HEADERS,
      textColumns: ['Convocatòria'],
      seed: YEARLY_SEED.map((r) => [...r]),
      formulas: { headers: YEARLY_FORMULA_HEADERS, rows: YEARLY_ROWS, build: yearlyFormulas },
      protect: YEARLY_FORMULA_HEADERS,
      // Over the mirror columns at the right, inside the grid (an anchor past it is out of range).
      chart: { title: 'Assessoraments i mentories per any', series: [4, 5, 8], rows: 11, anchorColumn: YEARLY_HEADERS.indexOf(YEARLY_FIRST_HIDDEN) },
    }),
    withSeed({
      title: EVALUATIONS_TAB,
      headers: [...EVALUATION_HEADERS, ...EVALUATION_SUMMARY_HEADERS],
      textColumns: ['ID resposta', 'Referència', 'ID sol·licitud', 'Convocatòria'],
      formulas: { headers: EVALUATION_SUMMARY_HEADERS, rows: EVALUATION_SUMMARY_ROWS, build: evaluationSummaryFormulas },
      protect: 'all',
    }),
    withSeed({ title: TABS.log, headers: LOG_HEADERS, protect: 'all' }),
  ];
}

export const noteFor = (header: string): string | undefined => headerNotes[header];
