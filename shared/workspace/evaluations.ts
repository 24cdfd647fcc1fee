// The Avaluacions tab: one row per evaluation answer, written by the sweep from the
// evaluation form, and at its right the counts and averages per call and per year (points:
// poc 1, suficient 2, molt 3). Machine-only, so the whole tab is protected.
import { scalePoints, type EvaluationAnswer } from '../domain/evaluation';
import { localStamp } from '../domain/dates';
import { isYear, type Call } from '../domain/calls';
import { caEvaluation } from '../i18n/ca-evaluation';
import { portable } from './formula-syntax';
import type { CellValue } from './request-row';
import { a1Tab, columnLetter, TABS } from './tabs';

export const EVALUATIONS_TAB = 'Avaluacions';

export const EVALUATION_HEADERS = [
  'ID resposta',
  'Rebuda',
  'Referència',
  'ID sol·licitud',
  'Convocatòria',
  'Any',
  'Municipi',
  'Utilitat',
  'Impacte',
  'Punts d’utilitat',
  'Punts d’impacte',
  'Què compartiran',
  'Comentaris',
] as const;

export const EVALUATION_SUMMARY_HEADERS = [
  'Per convocatòria',
  'Respostes',
  'Utilitat mitjana',
  'Impacte mitjà',
  'Per any',
  'Respostes de l’any',
  'Utilitat mitjana de l’any',
  'Impacte mitjà de l’any',
] as const;

/** Summary rows: one per row of the calls tab, and as many years from the first answered. */
export const EVALUATION_SUMMARY_ROWS = 20;

const col = (h: (typeof EVALUATION_HEADERS)[number]) => {
  const l = columnLetter(EVALUATION_HEADERS.indexOf(h));
  return `$${l}:$${l}`;
};
const sum = (h: (typeof EVALUATION_SUMMARY_HEADERS)[number], r: number) => `$${columnLetter(EVALUATION_HEADERS.length + EVALUATION_SUMMARY_HEADERS.indexOf(h))}${r}`;

export function evaluationSummaryFormulas(r: number): string[] {
  const call = sum('Per convocatòria', r);
  const year = sum('Per any', r);
  const years = col('Any');
  const mean = (key: string, over: string, points: string) => `=IF(${key}="","",IFERROR(AVERAGEIF(${over},${key},${points}),""))`;
  return [
    `=IF(${a1Tab(TABS.calls)}!$A${r}="","",${a1Tab(TABS.calls)}!$A${r})`,
    `=IF(${call}="","",COUNTIF(${col('Convocatòria')},${call}))`,
    mean(call, col('Convocatòria'), col('Punts d’utilitat')),
    mean(call, col('Convocatòria'), col('Punts d’impacte')),
    `=IF(COUNT(${years})=0,"",IF(MIN(${years})+${r - 2}>MAX(${years}),"",MIN(${years})+${r - 2}))`,
    `=IF(${year}="","",COUNTIF(${years},${year}))`,
    mean(year, years, col('Punts d’utilitat')),
    mean(year, years, col('Punts d’impacte')),
  ].map(portable);
}

export interface KnownRequest {
  id: string;
  reference: string;
  callId: string;
  municipality: string;
}

/**
 * The rows for answers not yet in the tab, in its column order. An answer whose reference
 * matches no request is kept too (a typo is for staff to read, not to lose).
 */
export function evaluationRows(answers: readonly EvaluationAnswer[], known: { responseIds: ReadonlySet<string>; requests: readonly KnownRequest[]; calls: readonly Call[] }): CellValue[][] {
  const byRef = new Map(known.requests.map((r) => [r.reference.trim().toLowerCase(), r]));
  const calls = new Map(known.calls.map((c) => [c.id, Number(c.opens.slice(0, 4))]));
  // A request that fitted no call is kept under its year (its "call" is that year).
  const year = { get: (id: string) => calls.get(id) ?? (isYear(id) ? Number(id) : undefined) };
  const seen = new Set(known.responseIds);
  return answers.flatMap((a) => {
    if (!a.responseId || seen.has(a.responseId)) return [];
    seen.add(a.responseId);
    const r = byRef.get(a.reference.trim().toLowerCase());
    const label = (v: EvaluationAnswer['usefulness']) => (v ? caEvaluation.scale[v] : '');
    const points = (v: EvaluationAnswer['usefulness']) => (v ? scalePoints(v) : '');
    return [[
      a.responseId,
      a.at ? localStamp(new Date(a.at)) : '',
      a.reference,
      r?.id ?? '',
      r?.callId ?? '',
      r ? (year.get(r.callId) ?? '') : '',
      r?.municipality ?? '',
      label(a.usefulness),
      label(a.impact),
      points(a.usefulness),
      points(a.impact),
      a.share,
      a.comments,
    ]];
  });
}
