// The request tab as setup wants it: the machine's columns, the Commission's with their
// validation, the helper formulas written with each row, protections, the colours that
// flag a late, early or non-member request, the top three and an overdrawn pool, and one
// filter view per call.
import { COMMISSION_COLUMNS, COMMISSION_VALIDATION, RENAMED_HEADERS, type Validation } from './commission-columns';
import { portable } from './formula-syntax';
import { HELPER_COLUMNS, REQUEST_TAB_HEADERS, requestFormulas, type LetterOf } from './request-formulas';
import { MACHINE_HEADERS, REQUEST_COLUMNS } from './request-row';
import { GREEN, ORANGE, RED, type TabSpec } from './tab-spec';
import { TABS } from './tabs';

const helpers = Object.values(HELPER_COLUMNS);

/** A row rule that holds only on a row with a request in it. */
const onRequest = (L: LetterOf, condition: string): string => portable(`=AND($${L(REQUEST_COLUMNS.id)}2<>"",${condition})`);
const requestHeaders = REQUEST_TAB_HEADERS;

const wholeSessions = (L: LetterOf): Validation => {
  const hours = `$${L(COMMISSION_COLUMNS.hours)}2`;
  return { kind: 'multipleOf', ofCell: portable(`=OR(${hours}="",AND(ISNUMBER(${hours}),${hours}>=0,MOD(${hours},$${L(HELPER_COLUMNS.sessionHours)}2)=0))`) };
};

export const REQUEST_TAB: TabSpec = {
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
};
