// Helper columns of the request tab for the figures the network reports: what was decided
// and sent (the log's word, not what was typed), whether the request may be ranked, the
// pool it draws on (its call's, else a yearly pool of its year), and its year and territory
// for the yearly view. Written with `,`; request-formulas.ts makes them portable.
import { DECISION, DEFAULT_SESSION_HOURS } from '../domain/vocabulary';
import { caDecisions } from '../i18n/ca-decisions';
import { exclusionReasons as why } from '../i18n/ca-sheet';
import { COMMISSION_COLUMNS as C } from './commission-columns';
import { literal } from './formula-syntax';
import { REQUEST_COLUMNS as R } from './request-row';
import { a1Tab, CALL_HEADERS, columnLetter, MEMBER_HEADERS, TABS } from './tabs';

export const REPORT_HELPERS = {
  sessionHours: 'Hores per sessió',
  sentAccepted: 'Acceptada i enviada',
  exclusion: 'Motiu per no classificar',
  rankTotal: 'Total classificable',
  year: 'Any',
  pool: 'Bossa',
  county: 'Comarca',
  province: 'Província',
  band: 'Mida del municipi',
  weightYear: 'Pes a l’any',
  weightCall: 'Pes a la convocatòria',
} as const;

const H = REPORT_HELPERS;
const calls = a1Tab(TABS.calls);
const pools = a1Tab(TABS.pools);
const members = a1Tab(TABS.members);
const whole = (tab: string, letter: string) => `${tab}!$${letter}:$${letter}`;
const mb = (h: (typeof MEMBER_HEADERS)[number]) => whole(members, columnLetter(MEMBER_HEADERS.indexOf(h)));
const callColumn = (h: (typeof CALL_HEADERS)[number]) => whole(calls, columnLetter(CALL_HEADERS.indexOf(h)));

/**
 * `cell`/`col`: this row's cell and the whole column of a request-tab header; `guard` blanks
 * the formula on a row without a request; `total`, `service`: the helpers they build on.
 */
export function reportFormulas(
  cell: (h: string) => string,
  col: (h: string) => string,
  guard: (e: string) => string,
  refs: { total: string; service: string; notification: string },
): Record<string, string> {
  const member = (h: (typeof MEMBER_HEADERS)[number]) => guard(`IFERROR(INDEX(${mb(h)},MATCH(${cell(R.municipality)},${mb('Nom')},0)),"")`);
  const poolHas = (id: string) => `COUNTIFS(${whole(pools, 'A')},${id},${whole(pools, 'B')},${cell(refs.service)})>0`;
  const year = `${cell(H.year)}&""`;
  // 1/n over a municipality's sent acceptances: summed over any set of rows, it counts the
  // municipalities served there once each, however many requests each had.
  const weight = (scope: string) => guard(`IF(${cell(H.sentAccepted)}=TRUE,1/COUNTIFS(${col(R.municipality)},${cell(R.municipality)},${scope},${col(H.sentAccepted)},TRUE),0)`);
  return {
    [H.sessionHours]: guard(`IFERROR(INDEX(${callColumn('Hores per sessió')},MATCH(${cell(R.call)},${callColumn('ID')},0)),${DEFAULT_SESSION_HOURS})`),
    [H.sentAccepted]: guard(`AND(${cell(C.decision)}=${literal(DECISION.accepted)},${cell(refs.notification)}=${literal(caDecisions.notification.sent)})`),
    // Members on time rank; the others wait, with the reason, until the Commission admits them.
    [H.exclusion]: guard(
      `IF(${cell(C.admitted)}=TRUE,"",TRIM(IF(${cell(R.member)}=FALSE,${literal(`${why.nonMember} `)},"")&IF(${cell(R.late)}=TRUE,${literal(`${why.late} `)},"")&IF(${cell(R.early)}=TRUE,${literal(why.early)},"")))`,
    ),
    [H.rankTotal]: guard(`IF(${cell(H.exclusion)}="",${cell(refs.total)},"")`),
    [H.year]: guard(`IFERROR(VALUE(LEFT(${cell(R.submittedAt)},4)),"")`),
    // The call's pool for the service, else the yearly pool of the request's year.
    [H.pool]: guard(`IF(${poolHas(cell(R.call))},${cell(R.call)},IF(${poolHas(year)},${year},""))`),
    [H.county]: member('Comarca'),
    [H.province]: member('Província'),
    [H.band]: member('Població'),
    [H.weightYear]: weight(`${col(H.year)},${cell(H.year)}`),
    [H.weightCall]: weight(`${col(R.call)},${cell(R.call)}`),
  };
}
