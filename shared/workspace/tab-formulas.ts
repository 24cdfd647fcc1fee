// Per-row helper formulas of the supporting tabs (reviews, sessions, pools), prepared by
// setup for PREPARED_ROWS rows, and the summary tab's table. Written with `,` for reading;
// what is exported has `;` between arguments, so it parses in every locale (formula-syntax.ts).
import { DECISION, SERVICE } from '../domain/vocabulary';
import { COMMISSION_COLUMNS as C } from './commission-columns';
import { literal, portable } from './formula-syntax';
import { HELPER_COLUMNS as H, type LetterOf } from './request-formulas';
import { REQUEST_COLUMNS as R } from './request-row';
import { a1Tab, CALL_HEADERS, columnLetter, MEMBER_HEADERS, TABS } from './tabs';
import { REVIEW_COLUMNS, SESSION_COLUMNS, SESSIONS_TAB } from './tabs-extra';
import { topicCell } from './yearly-view';

const accepted = literal(DECISION.accepted);

const req = a1Tab(TABS.requests);
const members = a1Tab(TABS.members);
const rv = (h: (typeof REVIEW_COLUMNS)[number]) => columnLetter(REVIEW_COLUMNS.indexOf(h));
const se = (h: (typeof SESSION_COLUMNS)[number]) => columnLetter(SESSION_COLUMNS.indexOf(h));
const mb = (h: (typeof MEMBER_HEADERS)[number]) => `${members}!$${columnLetter(MEMBER_HEADERS.indexOf(h))}:$${columnLetter(MEMBER_HEADERS.indexOf(h))}`;

/** Look a request column up by ID, or "" when the ID is unknown. */
const lookup = (L: LetterOf, idCell: string, header: string) =>
  `IFERROR(INDEX(${req}!$${L(header)}:$${L(header)},MATCH(${idCell},${req}!$${L(R.id)}:$${L(R.id)},0)),"")`;

export const reviewFormulas = (r: number, L: LetterOf): string[] => reviewFormulasComma(r, L).map(portable);

function reviewFormulasComma(r: number, L: LetterOf): string[] {
  const id = `$${rv('ID sol·licitud')}${r}`;
  const reviewer = `$${rv('Municipi de la persona avaluadora')}${r}`;
  const requester = `$${rv('Municipi sol·licitant')}${r}`;
  const memberField = (name: string, h: (typeof MEMBER_HEADERS)[number]) => `IFERROR(INDEX(${mb(h)},MATCH(${name},${mb('Nom')},0)),"")`;
  return [
    `=IF(${id}="","",${lookup(L, id, R.municipality)})`,
    // A reviewer from the requesting town hall, or from the county council of its county.
    `=IF(${id}="","",OR(${reviewer}=${requester},AND(${memberField(reviewer, 'Tipus')}="Consell Comarcal",${memberField(reviewer, 'Comarca')}<>"",${memberField(reviewer, 'Comarca')}=${memberField(requester, 'Comarca')})))`,
    `=IF(${id}="","",AND($${rv('Conflicte d’interès')}${r}=FALSE,COUNT($${rv('Necessitat i impacte')}${r}:$${rv('Alineació')}${r})>0))`,
  ];
}

export const sessionFormulas = (r: number, L: LetterOf): string[] => sessionFormulasComma(r, L).map(portable);

function sessionFormulasComma(r: number, L: LetterOf): string[] {
  const id = `$${se('ID sol·licitud')}${r}`;
  const calls = a1Tab(TABS.calls);
  const callDay = (h: (typeof CALL_HEADERS)[number]) => {
    const c = columnLetter(CALL_HEADERS.indexOf(h));
    return `IFERROR(INDEX(${calls}!$${c}:$${c},MATCH($${se('Convocatòria')}${r},${calls}!$A:$A,0)),"")`;
  };
  // A day typed as a date or as text ("2020-05-01"): both compare as a date serial.
  const asDay = (x: string) => `IF(ISNUMBER(${x}),${x},IFERROR(DATEVALUE(${x}),""))`;
  const from = asDay(callDay('Sessions des de'));
  const to = asDay(callDay('Sessions fins a'));
  const date = asDay(`$${se('Data')}${r}`);
  return [
    `=IF(${id}="","",${lookup(L, id, R.call)})`,
    `=IF(${id}="","",${lookup(L, id, H.rankService)})`,
    // Inside the call's sessions window, both days included; an open end does not limit.
    `=IF(${id}="","",AND(OR(${from}="",${date}="",${date}>=${from}),OR(${to}="",${date}="",${date}<=${to})))`,
    `=IF(${id}="","",IF(ISNUMBER(${date}),YEAR(${date}),""))`,
    `=IF(${id}="","",${lookup(L, id, H.pool)})`,
  ];
}

export const poolFormulas = (r: number, L: LetterOf): string[] => poolFormulasComma(r, L).map(portable);

function poolFormulasComma(r: number, L: LetterOf): string[] {
  const call = `$A${r}`;
  const service = `$B${r}`;
  const rq = (h: string) => `${req}!$${L(h)}:$${L(h)}`;
  const ss = (h: (typeof SESSION_COLUMNS)[number]) => `${a1Tab(SESSIONS_TAB)}!$${se(h)}:$${se(h)}`;
  // A request draws on the pool its "Bossa" helper names (its call's, or its year's), under
  // the service it counts as: assigned, else asked for.
  const drawn = (sent: boolean) =>
    `=IF(${call}="","",SUMIFS(${rq(H.hoursCounted)},${rq(H.pool)},${call},${rq(H.rankService)},${service},${rq(H.sentAccepted)},${sent ? 'TRUE' : 'FALSE'}))`;
  return [
    drawn(true),
    `=IF(${call}="","",SUMIFS(${ss('Hores')},${ss('Bossa')},${call},${ss('Servei')},${service},${ss('Dins del període')},TRUE))`,
    `=IF(${call}="","",$C${r}-$D${r}-$G${r})`,
    drawn(false),
  ];
}

export const SUMMARY_HEADERS = [
  'Convocatòria',
  'Sol·licituds',
  'Acceptades',
  'Mentories acceptades',
  'Assessoraments acceptats',
  'Sessions',
  'Hores fetes',
  'Fora de termini',
  'No membres',
  // by thematic area, all calls
  'Àmbit temàtic',
  'Sol·licituds per àmbit',
  'Acceptades per àmbit',
  // added later: appended, so a sheet set up before keeps its columns
  'Acceptades pendents d’enviar',
  'Abans d’obertura',
  'Sessions fora del període',
] as const;

/** Row r of the summary follows row r of the calls tab, so a new call appears by itself. */
export const summaryFormulas = (r: number, L: LetterOf): string[] => summaryFormulasComma(r, L).map(portable);

function summaryFormulasComma(r: number, L: LetterOf): string[] {
  const call = `$A${r}`;
  const rq = (h: string) => `${req}!$${L(h)}:$${L(h)}`;
  const ss = (h: (typeof SESSION_COLUMNS)[number]) => `${a1Tab(SESSIONS_TAB)}!$${se(h)}:$${se(h)}`;
  const g = (e: string) => `=IF(${call}="","",${e})`;
  // Accepted = decided and sent (the log says so); a service counts by what it counts as
  // (assigned, else asked for), never by a blank.
  const sent = `${rq(H.sentAccepted)},TRUE`;
  const inWindow = (yes: boolean) => `${ss('Dins del període')},${yes ? 'TRUE' : 'FALSE'}`;
  const topic = `$J${r}`;
  const t = (e: string) => `=IF(${topic}="","",${e})`;
  return [
    `=IF(${a1Tab(TABS.calls)}!$A${r}="","",${a1Tab(TABS.calls)}!$A${r})`,
    g(`COUNTIF(${rq(R.call)},${call})`),
    g(`COUNTIFS(${rq(R.call)},${call},${sent})`),
    g(`COUNTIFS(${rq(R.call)},${call},${sent},${rq(H.rankService)},${literal(SERVICE.mentoring)})`),
    g(`COUNTIFS(${rq(R.call)},${call},${sent},${rq(H.rankService)},${literal(`<>${SERVICE.mentoring}`)})`),
    g(`COUNTIFS(${ss('Convocatòria')},${call},${inWindow(true)})`),
    g(`SUMIFS(${ss('Hores')},${ss('Convocatòria')},${call},${inWindow(true)})`),
    g(`COUNTIFS(${rq(R.call)},${call},${rq(R.late)},TRUE)`),
    g(`COUNTIFS(${rq(R.call)},${call},${rq(R.member)},FALSE)`),
    // Every area requests name, all calls together (the yearly view splits them by year).
    `=${topicCell(r)}`,
    t(`COUNTIF(${rq(R.topic)},"="&${topic})`),
    t(`COUNTIFS(${rq(R.topic)},"="&${topic},${sent})`),
    g(`COUNTIFS(${rq(R.call)},${call},${rq(C.decision)},${accepted},${rq(H.sentAccepted)},FALSE)`),
    g(`COUNTIFS(${rq(R.call)},${call},${rq(R.early)},TRUE)`),
    g(`COUNTIFS(${ss('Convocatòria')},${call},${inWindow(false)})`),
  ];
}
