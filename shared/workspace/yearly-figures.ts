// The yearly view's figures per row: for the year typed, or one call within it — requests,
// acceptances sent, services agreed, sessions and hours held inside their window,
// municipalities served once each, acceptances still to send, evaluations and their means.
import { DECISION, EITHER_SERVICE, SERVICE } from '../domain/vocabulary';
import { COMMISSION_COLUMNS as C } from './commission-columns';
import { EVALUATION_HEADERS, EVALUATIONS_TAB } from './evaluations';
import { literal } from './formula-syntax';
import { HELPER_COLUMNS as H } from './request-formulas';
import { REQUEST_COLUMNS as R } from './request-row';
import { a1Tab, columnLetter, TABS } from './tabs';
import { SESSION_COLUMNS, SESSIONS_TAB } from './tabs-extra';
import type { LetterOf } from './yearly-layout';

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

export function figures(r: number, L: LetterOf): Record<string, string> {
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
