// The yearly view's layout (Informe anual): its inputs, figures, breakdown columns and the
// hidden mirrors they count over, how many rows are prepared, and the rows it starts with.
// The formulas are yearly-figures.ts and yearly-breakdowns.ts; yearly-view.ts puts them together.
import { HELPER_COLUMNS as H } from './request-formulas';
import { REQUEST_COLUMNS as R } from './request-row';
import { a1Tab, columnLetter } from './tabs';

export type LetterOf = (header: string) => string;

export const YEARLY_TAB = 'Informe anual';
export const YEARLY_INPUTS = ['Any', 'Convocatòria'] as const;
export const YEARLY_FIGURES = [
  'Sol·licituds',
  'Acceptades',
  'Assessoraments acordats',
  'Mentories acordades',
  'Sessions d’assessorament',
  'Hores d’assessorament',
  'Sessions de mentoria',
  'Hores de mentoria',
  'Municipis atesos',
  'Acceptades pendents d’enviar',
  // What the municipalities said afterwards (Avaluacions), on the work plan's scale: poc 1, suficient 2, molt 3.
  'Avaluacions rebudes',
  'Utilitat mitjana (1–3)',
  'Impacte mitjà (1–3)',
] as const;
export const BREAKDOWN_YEAR = 'Any del desglossament';

/** A breakdown, by a column of the request tab (the territory columns come from Municipis). */
export const DIMENSIONS = [
  { name: 'Comarca', plural: 'comarca', helper: H.county },
  { name: 'Província', plural: 'província', helper: H.province },
  { name: 'Mida del municipi', plural: 'mida', helper: H.band },
  { name: 'Àmbit temàtic', plural: 'àmbit', helper: R.topic },
] as const;

export const shown = (d: (typeof DIMENSIONS)[number]) => [d.name, `Sol·licituds per ${d.plural}`, `Acceptades per ${d.plural}`, `Municipis atesos per ${d.plural}`];
export const hidden = (d: (typeof DIMENSIONS)[number]) => [`Origen: ${d.plural}`, `Grup: ${d.plural}`, `Ordre: ${d.plural}`];
/** Row r of these mirrors row r of the request tab, for the breakdowns to count locally. */
export const MIRRORS = [
  { header: 'Origen: any', helper: H.year },
  { header: 'Origen: acceptada i enviada', helper: H.sentAccepted },
  { header: 'Origen: pes', helper: H.weightYear },
] as const;

export const YEARLY_HEADERS: readonly string[] = [
  ...YEARLY_INPUTS,
  ...YEARLY_FIGURES,
  BREAKDOWN_YEAR,
  ...DIMENSIONS.flatMap(shown),
  ...DIMENSIONS.flatMap(hidden),
  ...MIRRORS.map((m) => m.header),
];
/** The first of the mirror columns people need not read (the chart floats over them). */
export const YEARLY_FIRST_HIDDEN = hidden(DIMENSIONS[0])[0]!;
export const YEARLY_FORMULA_HEADERS: readonly string[] = [
  ...YEARLY_FIGURES,
  ...DIMENSIONS.flatMap(shown),
  ...DIMENSIONS.flatMap(hidden),
  ...MIRRORS.map((m) => m.header),
];

/** Rows of the yearly tab prepared with formulas: the breakdowns read this many requests. */
export const YEARLY_ROWS = 600;
/**
 * Rows that show something: the years and calls typed, and the values of each breakdown (43
 * counties at most). Only the mirrors go on to YEARLY_ROWS: every formula here is recomputed
 * whenever a request is written, so rows nobody reads would cost each write for nothing.
 */
export const YEARLY_SHOWN_ROWS = 60;
export const SHOWN: ReadonlySet<string> = new Set([...YEARLY_FIGURES, ...DIMENSIONS.flatMap(shown)]);

export const yc = (h: string) => columnLetter(YEARLY_HEADERS.indexOf(h));

/** The `r`-th row's thematic area of the yearly view, for other tabs to list. */
export const topicCell = (r: number): string => `${a1Tab(YEARLY_TAB)}!$${yc('Àmbit temàtic')}$${r}`;

/** The years and calls the seeds speak of, as rows to start from; the Commission adds more. */
export const YEARLY_SEED: ReadonlyArray<ReadonlyArray<string | number>> = [
  [2020, '', ...YEARLY_FIGURES.map(() => ''), 2023],
  [2020, '2020-04'],
  [2020, '2020-09'],
  [2023, ''],
  [2024, ''],
];
