// Helper columns of the request tab: one formula per row, written with the row itself
// (same write, no extra call). Per-row formulas use only functions Google Sheets documents
// that the emulator's engine evaluates the same way (see emulators/sheets/engine.ts), and
// move with their row when people sort. Setup rewrites them when a template changes.
import { ca } from '../i18n/ca';
import { LOG_KIND, type LogState } from '../domain/log-entry';
import { DECISION, DEFAULT_PACKAGE_HOURS } from '../domain/vocabulary';
import { caDecisions } from '../i18n/ca-decisions';
import { literal, portable } from './formula-syntax';
import { COMMISSION_COLUMNS as C } from './commission-columns';
import { weightRef } from './criteria';
import { REPORT_HELPERS, reportFormulas } from './request-report';
import { REQUEST_COLUMNS as R } from './request-row';
import { a1Tab, CALL_HEADERS, columnLetter, TABS } from './tabs';
import { REVIEW_COLUMNS, SESSION_COLUMNS, REVIEWS_TAB, SESSIONS_TAB } from './tabs-extra';

export const HELPER_COLUMNS = {
  reviews: 'Valoracions vàlides',
  meanNeed: 'Mitjana Necessitat',
  meanTransfer: 'Mitjana Transferibilitat',
  meanAlign: 'Mitjana Alineació',
  criteriaScore: 'Puntuació criteris',
  priorityPoints: 'Punts de prioritat',
  total: 'Total',
  rankService: 'Servei per al rànquing',
  rank: 'Rànquing',
  hoursCounted: 'Hores comptades',
  hoursDone: 'Hores fetes',
  hoursLeft: 'Hores restants',
  notification: 'Estat de la notificació',
  ...REPORT_HELPERS,
} as const;

export type HelperColumn = keyof typeof HELPER_COLUMNS;

/** The request tab's columns as setup lays them out: machine, the Commission's, helpers. */
export const REQUEST_TAB_HEADERS: readonly string[] = [...Object.values(R), ...Object.values(C), ...Object.values(HELPER_COLUMNS)];

/** Column letter of a header on the request tab, as it stands now. */
export type LetterOf = (header: string) => string;

const n = caDecisions.notification;
const SENT: LogState = 'enviat';
const reviews = a1Tab(REVIEWS_TAB);
const sessions = a1Tab(SESSIONS_TAB);
const calls = a1Tab(TABS.calls);
const log = a1Tab(TABS.log);
const rv = (h: string) => columnLetter(REVIEW_COLUMNS.indexOf(h as (typeof REVIEW_COLUMNS)[number]));
const se = (h: string) => columnLetter(SESSION_COLUMNS.indexOf(h as (typeof SESSION_COLUMNS)[number]));

/** Formulas for row `r` (1-based), keyed by helper header; portable across locales. */
export function requestFormulas(r: number, L: LetterOf): Record<string, string> {
  return Object.fromEntries(Object.entries(commaFormulas(r, L)).map(([h, f]) => [h, portable(f)]));
}

// Written with `,` for reading; portable() turns the separators into `;`.
function commaFormulas(r: number, L: LetterOf): Record<string, string> {
  const cell = (h: string) => `$${L(h)}${r}`;
  const col = (h: string) => `$${L(h)}:$${L(h)}`;
  const id = cell(R.id);
  const guard = (expr: string) => `=IF(${id}="","",${expr})`;
  const valid = `${reviews}!$${rv('Vàlida')}:$${rv('Vàlida')}`;
  const reviewId = `${reviews}!$${rv('ID sol·licitud')}:$${rv('ID sol·licitud')}`;
  const mean = (reviewHeader: string, own: string) => {
    const scores = `${reviews}!$${rv(reviewHeader)}:$${rv(reviewHeader)}`;
    // The mean of valid reviews where any scored this criterion; otherwise the Commission's own score.
    return guard(
      `IF(COUNTIFS(${reviewId},${id},${valid},TRUE,${scores},">=0")>0,AVERAGEIFS(${scores},${reviewId},${id},${valid},TRUE,${scores},">=0"),IF(${cell(own)}="","",${cell(own)}))`,
    );
  };
  const e = [cell(HELPER_COLUMNS.meanNeed), cell(HELPER_COLUMNS.meanTransfer), cell(HELPER_COLUMNS.meanAlign)];
  const w = [weightRef('necessitat'), weightRef('transferibilitat'), weightRef('alineacio')];
  // Blank criteria are left out of the weighted mean, not counted as 0.
  const den = e.map((x, i) => `(${x}<>"")*${w[i]}`).join('+');
  const num = e.map((x, i) => `IF(${x}="",0,${x})*${w[i]}`).join('+');
  const callRow = `MATCH(${cell(R.call)},${calls}!$A:$A,0)`;
  const packageColumn = columnLetter(CALL_HEADERS.indexOf('Hores per paquet'));
  const packageHours = `IFERROR(INDEX(${calls}!$${packageColumn}:$${packageColumn},${callRow}),${DEFAULT_PACKAGE_HOURS})`;
  return {
    [HELPER_COLUMNS.reviews]: guard(`COUNTIFS(${reviewId},${id},${valid},TRUE)`),
    [HELPER_COLUMNS.meanNeed]: mean('Necessitat i impacte', C.scoreNeed),
    [HELPER_COLUMNS.meanTransfer]: mean('Transferibilitat', C.scoreTransfer),
    [HELPER_COLUMNS.meanAlign]: mean('Alineació', C.scoreAlign),
    [HELPER_COLUMNS.criteriaScore]: guard(`IF((${den})=0,"",ROUND((${num})/(${den}),2))`),
    [HELPER_COLUMNS.priorityPoints]: guard(
      `ROUND(IF(${cell(C.involvement)}="",0,${cell(C.involvement)})*${weightRef('implicacio')}` +
        `+IF(${cell(C.diversity)}="",0,${cell(C.diversity)})*${weightRef('diversitat')}` +
        `+IF(${cell(R.priorityTheme)}=TRUE,${weightRef('tematica')},0)` +
        `+IF(${cell(R.recentMember)}=TRUE,${weightRef('recent')},0)` +
        `+IF(${cell(R.trackRecord)}="${ca.choices.trackRecord.starting}",${weightRef('trajectoria')},0),2)`,
    ),
    [HELPER_COLUMNS.total]: guard(`IF(${cell(HELPER_COLUMNS.criteriaScore)}="","",${cell(HELPER_COLUMNS.criteriaScore)}+${cell(HELPER_COLUMNS.priorityPoints)})`),
    // The service the request counts under: the one assigned, else the one asked for (the
    // form's "either" stays as it is: it fits no pool until the Commission chooses).
    [HELPER_COLUMNS.rankService]: guard(`IF(${cell(C.service)}<>"",${cell(C.service)},${cell(R.serviceType)})`),
    // Competition ranking within the call and service, among eligible requests: ties share a rank.
    [HELPER_COLUMNS.rank]: guard(
      `IF(${cell(HELPER_COLUMNS.rankTotal)}="","",COUNTIFS(${col(R.call)},${cell(R.call)},${col(HELPER_COLUMNS.rankService)},${cell(HELPER_COLUMNS.rankService)},${col(HELPER_COLUMNS.rankTotal)},">"&${cell(HELPER_COLUMNS.rankTotal)})+1)`,
    ),
    [HELPER_COLUMNS.hoursCounted]: guard(
      `IF(${cell(C.decision)}=${literal(DECISION.accepted)},IF(${cell(C.hours)}="",${packageHours},${cell(C.hours)}),0)`,
    ),
    // Sessions outside the call's window are flagged on Sessions and not counted as done.
    [HELPER_COLUMNS.hoursDone]: guard(
      `SUMIFS(${sessions}!$${se('Hores')}:$${se('Hores')},${sessions}!$${se('ID sol·licitud')}:$${se('ID sol·licitud')},${id},${sessions}!$${se('Dins del període')}:$${se('Dins del període')},TRUE)`,
    ),
    [HELPER_COLUMNS.hoursLeft]: guard(`${cell(HELPER_COLUMNS.hoursCounted)}-${cell(HELPER_COLUMNS.hoursDone)}`),
    [HELPER_COLUMNS.notification]: guard(
      `IF(COUNTIFS(${log}!$A:$A,${id},${log}!$C:$C,${literal(LOG_KIND.decision)},${log}!$D:$D,${literal(SENT)})>0,${literal(n.sent)},IF(${cell(C.release)}=TRUE,${literal(n.pending)},""))`,
    ),
    ...reportFormulas(cell, col, guard, { total: HELPER_COLUMNS.total, service: HELPER_COLUMNS.rankService, notification: HELPER_COLUMNS.notification }),
  };
}
