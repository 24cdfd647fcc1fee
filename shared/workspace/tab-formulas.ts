// Per-row helper formulas of the supporting tabs (reviews, sessions, pools), prepared by
// setup for PREPARED_ROWS rows, and the summary tab's table. Written with `,` for reading;
// what is exported has `;` between arguments, so it parses in every locale (formula-syntax.ts).
import { DECISION, SERVICE } from '../domain/vocabulary';
import { COMMISSION_COLUMNS as C } from './commission-columns';
import { literal, portable } from './formula-syntax';
import { HELPER_COLUMNS as H, type LetterOf } from './request-formulas';
import { REQUEST_COLUMNS as R } from './request-row';
import { DEFAULT_TOPICS } from './seed';
import { a1Tab, columnLetter, MEMBER_HEADERS, TABS } from './tabs';
import { REVIEW_COLUMNS, SESSION_COLUMNS, SESSIONS_TAB } from './tabs-extra';

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
  return [`=IF(${id}="","",${lookup(L, id, R.call)})`, `=IF(${id}="","",${lookup(L, id, H.rankService)})`];
}

export const poolFormulas = (r: number, L: LetterOf): string[] => poolFormulasComma(r, L).map(portable);

function poolFormulasComma(r: number, L: LetterOf): string[] {
  const call = `$A${r}`;
  const service = `$B${r}`;
  const rq = (h: string) => `${req}!$${L(h)}:$${L(h)}`;
  const ss = (h: (typeof SESSION_COLUMNS)[number]) => `${a1Tab(SESSIONS_TAB)}!$${se(h)}:$${se(h)}`;
  return [
    `=IF(${call}="","",SUMIFS(${rq(H.hoursCounted)},${rq(R.call)},${call},${rq(C.service)},${service}))`,
    `=IF(${call}="","",SUMIFS(${ss('Hores')},${ss('Convocatòria')},${call},${ss('Servei')},${service}))`,
    `=IF(${call}="","",$C${r}-$D${r})`,
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
] as const;

/** The areas the summary counts: the configured list, then everything typed as "Altres: …". */
export const SUMMARY_TOPICS = [...DEFAULT_TOPICS.split('; '), 'Altres'];

/** Row r of the summary follows row r of the calls tab, so a new call appears by itself. */
export const summaryFormulas = (r: number, L: LetterOf): string[] => summaryFormulasComma(r, L).map(portable);

function summaryFormulasComma(r: number, L: LetterOf): string[] {
  const call = `$A${r}`;
  const rq = (h: string) => `${req}!$${L(h)}:$${L(h)}`;
  const ss = (h: (typeof SESSION_COLUMNS)[number]) => `${a1Tab(SESSIONS_TAB)}!$${se(h)}:$${se(h)}`;
  const g = (e: string) => `=IF(${call}="","",${e})`;
  return [
    `=IF(${a1Tab(TABS.calls)}!$A${r}="","",${a1Tab(TABS.calls)}!$A${r})`,
    g(`COUNTIF(${rq(R.call)},${call})`),
    g(`COUNTIFS(${rq(R.call)},${call},${rq(C.decision)},${accepted})`),
    g(`COUNTIFS(${rq(R.call)},${call},${rq(C.decision)},${accepted},${rq(C.service)},${literal(SERVICE.mentoring)})`),
    g(`COUNTIFS(${rq(R.call)},${call},${rq(C.decision)},${accepted},${rq(C.service)},${literal(`<>${SERVICE.mentoring}`)})`),
    g(`COUNTIF(${ss('Convocatòria')},${call})`),
    g(`SUMIF(${ss('Convocatòria')},${call},${ss('Hores')})`),
    g(`COUNTIFS(${rq(R.call)},${call},${rq(R.late)},TRUE)`),
    g(`COUNTIFS(${rq(R.call)},${call},${rq(R.member)},FALSE)`),
    ...topicFormulas(r, rq),
  ];
}

function topicFormulas(r: number, rq: (h: string) => string): string[] {
  const topic = SUMMARY_TOPICS[r - 2];
  if (topic === undefined) return ['=""', '=""', '=""'];
  // "Altres: …" rows are counted with a wildcard, which Sheets and the emulator both honour.
  const pattern = topic === 'Altres' ? `"Altres:*"` : `$J${r}`;
  return [
    `="${topic.replace(/"/g, '""')}"`,
    `=COUNTIF(${rq(R.topic)},${pattern})`,
    `=COUNTIFS(${rq(R.topic)},${pattern},${rq(C.decision)},${accepted})`,
  ];
}
