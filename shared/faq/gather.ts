// What was learned, ready to share with the members (the bases promise it): the FAQ and
// the good practices the Commission notes in Sessions, grouped by call and thematic area,
// without people. Names, emails and phones the workspace knows (applicants, mentors and
// advisers, reviewers) are taken out of every text, with the retention scrubber.
import type { Call } from '../domain/calls';
import type { Grid } from '../retention/plan';
import { scrubber } from '../retention/scrub';
import { COMMISSION_COLUMNS as C } from '../workspace/commission-columns';
import { REQUEST_COLUMNS as R } from '../workspace/request-row';

export interface FaqEntry {
  question: string;
  answer: string;
}

export interface ThemeLearning {
  theme: string;
  faq: FaqEntry[];
  practices: string[];
}

export interface CallLearning {
  call: Call;
  themes: ThemeLearning[];
}

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v).trim());
const cell = (g: Grid, row: readonly unknown[], h: string) => (g.header.indexOf(h) < 0 ? '' : str(row[g.header.indexOf(h)]));

/** "Altres: …" is one area, whatever was typed after it. */
const themeOf = (topic: string, other: string) => (topic.startsWith(`${other}:`) ? other : topic);

export function gatherLearning(input: { calls: readonly Call[]; callId?: string; requests: Grid; reviews: Grid; sessions: Grid; otherTopic: string }): CallLearning[] {
  const { requests: rq, reviews: rv, sessions: ss } = input;
  const people = [
    ...rq.rows.flatMap((r) => [R.contactName, R.contactEmail, R.contactPhone, C.adviser, C.adviserContact].map((h) => cell(rq, r, h))),
    ...rv.rows.map((r) => cell(rv, r, 'Persona avaluadora')),
  ];
  const scrub = scrubber(people);
  const byId = new Map(rq.rows.map((r) => [cell(rq, r, R.id), { callId: cell(rq, r, R.call), topic: cell(rq, r, R.topic) }]));
  const out = new Map<string, Map<string, ThemeLearning>>();
  for (const row of ss.rows) {
    const request = byId.get(cell(ss, row, 'ID sol·licitud'));
    if (!request || (input.callId && request.callId !== input.callId)) continue;
    const question = scrub(cell(ss, row, 'Pregunta FAQ'));
    const answer = scrub(cell(ss, row, 'Resposta FAQ'));
    const practice = scrub(cell(ss, row, 'Bona pràctica'));
    if (!question && !practice) continue;
    const theme = themeOf(request.topic, input.otherTopic) || input.otherTopic;
    const themes = out.get(request.callId) ?? new Map<string, ThemeLearning>();
    out.set(request.callId, themes);
    const t = themes.get(theme) ?? { theme, faq: [], practices: [] };
    themes.set(theme, t);
    if (question && !t.faq.some((f) => f.question === question && f.answer === answer)) t.faq.push({ question, answer });
    if (practice && !t.practices.includes(practice)) t.practices.push(practice);
  }
  return input.calls
    .filter((c) => out.has(c.id))
    .map((call) => ({ call, themes: [...out.get(call.id)!.values()].sort((a, b) => a.theme.localeCompare(b.theme, 'ca')) }));
}
