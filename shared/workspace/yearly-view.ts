// The yearly view (Informe anual): the figures of the network's yearly report, per year and
// per call, by formulas. The Commission types a year (and, to split it, a call) per row;
// the breakdown by county, province, town size and thematic area is for the year typed
// under "Any del desglossament". The areas are every area requests name, so one added to a
// call after setup is counted too. Requests count by the year they were sent; sessions by
// the year they were held, and only inside their call's window.
import { DECISION, EITHER_SERVICE, SERVICE } from '../domain/vocabulary';
import { COMMISSION_COLUMNS as C } from './commission-columns';
import { literal, portable } from './formula-syntax';
import { HELPER_COLUMNS as H } from './request-formulas';
import { REQUEST_COLUMNS as R } from './request-row';
import { a1Tab, columnLetter, TABS } from './tabs';
import { SESSION_COLUMNS, SESSIONS_TAB } from './tabs-extra';
import { EVALUATION_HEADERS, EVALUATIONS_TAB } from './evaluations';

type LetterOf = (header: string) => string;

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
const DIMENSIONS = [
  { name: 'Comarca', plural: 'comarca', helper: H.county },
  { name: 'Província', plural: 'província', helper: H.province },
  { name: 'Mida del municipi', plural: 'mida', helper: H.band },
  { name: 'Àmbit temàtic', plural: 'àmbit', helper: R.topic },
] as const;

const shown = (d: (typeof DIMENSIONS)[number]) => [d.name, `Sol·licituds per ${d.plural}`, `Acceptades per ${d.plural}`, `Municipis atesos per ${d.plural}`];
const hidden = (d: (typeof DIMENSIONS)[number]) => [`Origen: ${d.plural}`, `Grup: ${d.plural}`, `Ordre: ${d.plural}`];
/** Row r of these mirrors row r of the request tab, for the breakdowns to count locally. */
const MIRRORS = [
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
const SHOWN: ReadonlySet<string> = new Set([...YEARLY_FIGURES, ...DIMENSIONS.flatMap(shown)]);

const yc = (h: string) => columnLetter(YEARLY_HEADERS.indexOf(h));

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

export const yearlyFormulas = (r: number, L: LetterOf): string[] => {
  const byHeader = { ...figures(r, L), ...breakdowns(r, L) };
  const past = r > YEARLY_SHOWN_ROWS + 1;
  return YEARLY_FORMULA_HEADERS.map((h) => (past && SHOWN.has(h) ? '' : portable(byHeader[h]!)));
};

const req = a1Tab(TABS.requests);
const ev = (h: (typeof EVALUATION_HEADERS)[number]) => {
  const c = columnLetter(EVALUATION_HEADERS.indexOf(h));
  return `${a1Tab(EVALUATIONS_TAB)}!$${c}$2:$${c}`;
};
const ses = a1Tab(SESSIONS_TAB);
const ss = (h: (typeof SESSION_COLUMNS)[number]) => {
  const c = columnLetter(SESSION_COLUMNS.indexOf(h));
  return `${ses}!$${c}:$${c}`;
};

function figures(r: number, L: LetterOf): Record<string, string> {
  const rq = (h: string) => `${req}!$${L(h)}:$${L(h)}`;
  const year = `$A${r}`;
  const call = `$B${r}`;
  // Every figure for the year, or for one call within it when a call is given.
  const count = (fn: 'COUNTIFS' | 'SUMIFS' | 'AVERAGEIFS', first: string, yearCol: string, callCol: string, rest: string) => {
    const args = (withCall: boolean) => [first, `${yearCol},${year}`, ...(withCall ? [`${callCol},${call}`] : []), rest].filter(Boolean).join(',');
    return `=IF(${year}="","",IF(${call}="",${fn}(${args(false)}),${fn}(${args(true)})))`;
  };
  // A mean with no answers yet is left blank, not an error; two decimals.
  const mean = (formula: string) => `=IFERROR(ROUND(${formula.slice(1)},2),"")`;
  const requests = (rest: string) => count('COUNTIFS', '', rq(H.year), rq(R.call), rest);
  const sent = `${rq(H.sentAccepted)},TRUE`;
  const mentoring = literal(SERVICE.mentoring);
  const advisory = `${ss('Servei')},${literal(`<>${SERVICE.mentoring}`)},${ss('Servei')},${literal(`<>${EITHER_SERVICE}`)},${ss('Servei')},"<>"`;
  const sessions = (fn: 'COUNTIFS' | 'SUMIFS', service: string) =>
    count(fn, fn === 'SUMIFS' ? ss('Hores') : '', ss('Any'), ss('Convocatòria'), `${ss('Dins del període')},TRUE,${service}`);
  const served = (weight: string) => `ROUND(SUMIFS(${rq(weight)},${rq(H.year)},${year}${weight === H.weightCall ? `,${rq(R.call)},${call}` : ''}),0)`;
  return {
    'Sol·licituds': requests(''),
    Acceptades: requests(sent),
    'Assessoraments acordats': requests(`${sent},${rq(H.rankService)},${literal(`<>${SERVICE.mentoring}`)}`),
    'Mentories acordades': requests(`${sent},${rq(H.rankService)},${mentoring}`),
    'Sessions d’assessorament': sessions('COUNTIFS', advisory),
    'Hores d’assessorament': sessions('SUMIFS', advisory),
    'Sessions de mentoria': sessions('COUNTIFS', `${ss('Servei')},${mentoring}`),
    'Hores de mentoria': sessions('SUMIFS', `${ss('Servei')},${mentoring}`),
    // Each municipality once, however many of its requests were accepted (request-report.ts).
    'Municipis atesos': `=IF(${year}="","",IF(${call}="",${served(H.weightYear)},${served(H.weightCall)}))`,
    'Acceptades pendents d’enviar': requests(`${rq(C.decision)},${literal(DECISION.accepted)},${rq(H.sentAccepted)},FALSE`),
    'Avaluacions rebudes': count('COUNTIFS', '', ev('Any'), ev('Convocatòria'), `${ev('Punts d’utilitat')},">0"`),
    'Utilitat mitjana (1–3)': mean(count('AVERAGEIFS', ev('Punts d’utilitat'), ev('Any'), ev('Convocatòria'), `${ev('Punts d’utilitat')},">0"`)),
    'Impacte mitjà (1–3)': mean(count('AVERAGEIFS', ev('Punts d’impacte'), ev('Any'), ev('Convocatòria'), `${ev('Punts d’impacte')},">0"`)),
  };
}

// The breakdowns count locally, over mirrors of the request rows, by number: a value's
// group is the row where it first appears (MATCH takes no operators, so a band such as
// "< 10.000" is text, and COUNTIFS sees only numbers), and "order" counts the new values
// up to each row, so the k-th shown row is the k-th distinct value. Each row is O(1).
function breakdowns(r: number, L: LetterOf): Record<string, string> {
  const last = YEARLY_ROWS + 1;
  const local = (h: string) => `$${yc(h)}$2:$${yc(h)}$${last}`;
  const mirror = (helper: string) => `=IFERROR(INDEX(${req}!$${L(helper)}:$${L(helper)},${r}),"")`;
  const year = `$${yc(BREAKDOWN_YEAR)}$2`;
  const out: Record<string, string> = Object.fromEntries(MIRRORS.map((m) => [m.header, mirror(m.helper)]));
  const inYear = `${local('Origen: any')},${year}`;
  for (const d of DIMENSIONS) {
    const [name, requests, accepted, served] = shown(d) as [string, string, string, string];
    const [origin, group, order] = hidden(d) as [string, string, string];
    const o = `$${yc(origin)}${r}`;
    out[origin] = `=IFERROR(INDEX(${req}!$${L(d.helper)}:$${L(d.helper)},${r})&"","")`;
    out[group] = `=IF(${o}="","",MATCH(${o},${local(origin)},0))`;
    const isNew = `IF($${yc(group)}${r}=${r - 1},1,0)`;
    out[order] = r === 2 ? `=${isNew}` : `=$${yc(order)}${r - 1}+${isNew}`;
    const at = `MATCH(${r - 1},${local(order)},0)`;
    out[name] = `=IFERROR(INDEX(${local(origin)},${at}),"")`;
    const where = `${local(group)},${at},${inYear}`;
    const blank = `OR($${yc(name)}${r}="",${year}="")`;
    out[requests] = `=IF(${blank},"",COUNTIFS(${where}))`;
    out[accepted] = `=IF(${blank},"",COUNTIFS(${where},${local('Origen: acceptada i enviada')},TRUE))`;
    out[served] = `=IF(${blank},"",ROUND(SUMIFS(${local('Origen: pes')},${where}),0))`;
  }
  return out;
}
