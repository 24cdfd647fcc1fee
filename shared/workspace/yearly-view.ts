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
import { a1Tab, columnLetter, MEMBER_HEADERS, TABS } from './tabs';
import { SESSION_COLUMNS, SESSIONS_TAB } from './tabs-extra';

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
] as const;
export const BREAKDOWN_YEAR = 'Any del desglossament';

/** A breakdown: its values come from a column (of Municipis, or of the requests). */
const DIMENSIONS = [
  { name: 'Comarca', plural: 'comarca', helper: H.county, source: { tab: TABS.members, column: columnLetter(MEMBER_HEADERS.indexOf('Comarca')) } },
  { name: 'Província', plural: 'província', helper: H.province, source: { tab: TABS.members, column: columnLetter(MEMBER_HEADERS.indexOf('Província')) } },
  { name: 'Mida del municipi', plural: 'mida', helper: H.band, source: { tab: TABS.members, column: columnLetter(MEMBER_HEADERS.indexOf('Població')) } },
  { name: 'Àmbit temàtic', plural: 'àmbit', helper: R.topic, source: { tab: TABS.requests, column: '' } },
] as const;

const shown = (d: (typeof DIMENSIONS)[number]) => [d.name, `Sol·licituds per ${d.plural}`, `Acceptades per ${d.plural}`, `Municipis atesos per ${d.plural}`];
const hidden = (d: (typeof DIMENSIONS)[number]) => [`Origen: ${d.plural}`, `Ordre: ${d.plural}`];

export const YEARLY_HEADERS: readonly string[] = [
  ...YEARLY_INPUTS,
  ...YEARLY_FIGURES,
  BREAKDOWN_YEAR,
  ...DIMENSIONS.flatMap(shown),
  ...DIMENSIONS.flatMap(hidden),
];
export const YEARLY_FORMULA_HEADERS: readonly string[] = [...YEARLY_FIGURES, ...DIMENSIONS.flatMap(shown), ...DIMENSIONS.flatMap(hidden)];

/** Rows of the yearly tab prepared with formulas: also how many distinct values a breakdown lists. */
export const YEARLY_ROWS = 300;

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
  return YEARLY_FORMULA_HEADERS.map((h) => portable(byHeader[h]!));
};

const req = a1Tab(TABS.requests);
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
  const count = (fn: 'COUNTIFS' | 'SUMIFS', first: string, yearCol: string, callCol: string, rest: string) => {
    const args = (withCall: boolean) => [first, `${yearCol},${year}`, ...(withCall ? [`${callCol},${call}`] : []), rest].filter(Boolean).join(',');
    return `=IF(${year}="","",IF(${call}="",${fn}(${args(false)}),${fn}(${args(true)})))`;
  };
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
  };
}

function breakdowns(r: number, L: LetterOf): Record<string, string> {
  const rq = (h: string) => `${req}!$${L(h)}:$${L(h)}`;
  const year = `$${yc(BREAKDOWN_YEAR)}$2`;
  const out: Record<string, string> = {};
  for (const d of DIMENSIONS) {
    const [name, requests, accepted, served] = shown(d) as [string, string, string, string];
    const [origin, order] = hidden(d) as [string, string];
    const o = yc(origin);
    const k = yc(order);
    const sourceColumn = d.source.tab === TABS.requests ? L(R.topic) : d.source.column;
    // Row r mirrors row r of the source; the first time a value appears it gets the next
    // number, and the shown list takes the values in that order: distinct, no blanks.
    out[origin] = `=IFERROR(INDEX(${a1Tab(d.source.tab)}!$${sourceColumn}:$${sourceColumn},${r})&"","")`;
    out[order] = `=IF(OR($${o}${r}="",COUNTIF($${o}$2:$${o}${r},$${o}${r})>1),"",MAX($${k}$1:$${k}${r - 1})+1)`;
    out[name] = `=IFERROR(INDEX($${o}:$${o},MATCH(${r - 1},$${k}:$${k},0)),"")`;
    const value = `$${yc(name)}${r}`;
    const where = `${rq(d.helper)},${value},${rq(H.year)},${year}`;
    out[requests] = `=IF(OR(${value}="",${year}=""),"",COUNTIFS(${where}))`;
    out[accepted] = `=IF(OR(${value}="",${year}=""),"",COUNTIFS(${where},${rq(H.sentAccepted)},TRUE))`;
    out[served] = `=IF(OR(${value}="",${year}=""),"",ROUND(SUMIFS(${rq(H.weightYear)},${where}),0))`;
  }
  return out;
}
