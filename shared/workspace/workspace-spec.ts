// The whole workspace as it should be: tabs, headers with notes, seeds, validation,
// helper formulas, protections, colours and filter views. Setup compares this with the
// spreadsheet and changes only what differs.
import { headerNotes } from '../i18n/ca-sheet';
import { CRITERIA, CRITERIA_HEADERS, CRITERIA_KEY } from './criteria';
import { portable } from './formula-syntax';
import { REQUEST_TAB_HEADERS } from './request-formulas';
import { REQUEST_COLUMNS } from './request-row';
import { REQUEST_TAB } from './request-tab-spec';
import { RED, type Seed, type TabSpec } from './tab-spec';
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

export function workspaceSpec(extraSeed: Partial<Record<string, Seed>> = {}): TabSpec[] {
  const withSeed = (t: TabSpec): TabSpec => ({ ...t, seed: [...(t.seed ?? []), ...(extraSeed[t.title] ?? [])] });
  return [
    REQUEST_TAB,
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
