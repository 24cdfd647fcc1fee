// Retention, pure: when a call's data may be anonymised, which cells change (personal ones
// to the marker, kept text without the call's people), that a second plan over the result
// is empty, and the sweep's part (a reminder once per call; nothing planned for a call
// already anonymised).
import { describe, expect, test } from 'vitest';
import type { LogEntry } from '../../shared/domain/log-entry';
import { isRetentionDue, retentionDue } from '../../shared/domain/retention';
import type { RequestView } from '../../shared/domain/workspace-state';
import { MARKER, planRetention, scrubber, type CellChange, type Grid } from '../../shared/retention/plan';
import { planSweep } from '../../shared/sweep/plan';
import { COMMISSION_COLUMNS as C } from '../../shared/workspace/commission-columns';
import { parseCalls } from '../../shared/workspace/config-rows';
import { REQUEST_COLUMNS as R } from '../../shared/workspace/request-row';
import { SEED_CALLS } from '../../shared/workspace/seed';
import { LOG_HEADERS } from '../../shared/workspace/tabs';
import { REVIEW_COLUMNS, SESSION_COLUMNS } from '../../shared/workspace/tabs-extra';

const calls = parseCalls(SEED_CALLS);
const april = calls.find((c) => c.id === '2020-04')!;

const grid = (header: readonly string[], rows: Array<Record<string, unknown>>): Grid => ({ header, rows: rows.map((r) => header.map((h) => r[h] ?? '')) });
const requests = grid([R.id, R.call, R.municipality, R.contactName, R.contactEmail, R.contactPhone, R.topic, R.need, C.decision, C.hours, C.adviser], [
  { [R.id]: 'a', [R.call]: '2020-04', [R.municipality]: 'Manresa', [R.contactName]: 'Anna Puig', [R.contactEmail]: 'anna@example.cat', [R.contactPhone]: '600 11 22 33', [R.topic]: 'Altres: cures amb Anna Puig', [R.need]: 'Text lliure', [C.decision]: 'Acceptada', [C.hours]: 4, [C.adviser]: 'Joan Serra' },
  { [R.id]: 'b', [R.call]: '2020-09', [R.municipality]: 'Celrà', [R.contactName]: 'Anna Puig', [R.contactEmail]: 'anna@example.cat', [R.need]: 'Un altre text' },
]);
const reviews = grid(REVIEW_COLUMNS, [{ 'Persona avaluadora': 'Marta Roca', 'ID sol·licitud': 'a', 'Necessitat i impacte': 4, Comentari: 'bé' }]);
const sessions = grid(SESSION_COLUMNS, [{ 'ID sol·licitud': 'a', Hores: 2, 'Resposta FAQ': 'Pregunteu a la Marta Roca o a ANNA@example.cat' }]);
const log = grid(LOG_HEADERS, [
  { 'ID sol·licitud': 'a', Tipus: 'decisio', Detall: JSON.stringify({ decision: 'Acceptada', service: 'Mentoria', hours: 4, adviser: 'Joan Serra', adviserContact: 'j@x.cat', message: '', redirectedTo: '' }) },
  { 'ID sol·licitud': 'x', Moment: '2026-01-01 10:00:00', Tipus: 'invalida', Detall: JSON.stringify({ body: JSON.stringify({ submittedAt: '2020-05-02T10:00:00+02:00', contactName: 'Algú' }) }) },
  { 'ID sol·licitud': 'y', Moment: '2020-05-02 10:00:00', Tipus: 'invalida', Detall: JSON.stringify({ body: JSON.stringify({ submittedAt: '2020-09-05T10:00:00+02:00' }) }) },
  { 'ID sol·licitud': 'b', Tipus: 'rebuda', Detall: 'Anna Puig' },
]);
const input = { call: april, calls, requests, reviews, sessions, log };

/** The grids with a plan's changes written in. */
function apply(changes: readonly CellChange[]) {
  const tabs: Record<string, Grid> = { 'Sol·licituds': requests, Valoracions: reviews, Sessions: sessions, Registre: log };
  const copy = Object.fromEntries(Object.entries(tabs).map(([k, g]) => [k, { header: g.header, rows: g.rows.map((r) => [...r]) }]));
  for (const c of changes) (copy[c.tab]!.rows[c.row - 2] as unknown[])[c.column] = c.to;
  return { ...input, requests: copy['Sol·licituds']!, reviews: copy['Valoracions']!, sessions: copy['Sessions']!, log: copy['Registre']! };
}

describe('planRetention', () => {
  const plan = planRetention(input);
  const at = (tab: string, row: number, header: string) => plan.find((c) => c.tab === tab && c.row === row && c.header === header)?.to;

  test('personal fields become the marker; the figures’ columns are not touched', () => {
    for (const h of [R.contactName, R.contactEmail, R.contactPhone, R.need, C.adviser]) expect(at('Sol·licituds', 2, h), h).toBe(MARKER);
    expect(plan.filter((c) => ([R.id, R.call, R.municipality, C.decision, C.hours] as string[]).includes(c.header))).toEqual([]);
    expect(at('Sol·licituds', 2, R.topic)).toBe(`Altres: cures amb ${MARKER}`);
    expect(at('Valoracions', 2, 'Persona avaluadora')).toBe(MARKER);
    expect(at('Sessions', 2, 'Resposta FAQ')).toBe(`Pregunteu a la ${MARKER} o a ${MARKER}`);
  });

  test('the log: a decision keeps decision, service and hours; a refusal sent in the call loses its body', () => {
    expect(JSON.parse(at('Registre', 2, 'Detall')!)).toEqual({ decision: 'Acceptada', service: 'Mentoria', hours: 4, adviser: MARKER, adviserContact: MARKER, message: '', redirectedTo: '' });
    expect(at('Registre', 3, 'Detall')).toBe(MARKER); // sent in May 2020, logged later
    expect(at('Registre', 4, 'Detall')).toBeUndefined(); // sent in September: another call's
  });

  test('another call’s rows are left alone, even with the same person in them', () => {
    expect(plan.filter((c) => c.requestId === 'b')).toEqual([]);
  });

  test('a second plan over the result is empty', () => {
    expect(plan.length).toBeGreaterThan(0);
    expect(planRetention(apply(plan))).toEqual([]);
  });

  test('the scrubber: longest name first, any case, any email address, never the marker itself', () => {
    const scrub = scrubber(['Anna', 'Anna Puig', MARKER, 'ab']);
    expect(scrub('anna puig i ANNA, x@y.cat, ab')).toBe(`${MARKER} i ${MARKER}, ${MARKER}, ab`);
  });
});

describe('the retention date', () => {
  test('counts from the end of the sessions (or the deadline), in months', () => {
    expect(retentionDue(april, 3)).toBe('2023-08-01');
    expect(retentionDue({ deadline: '2020-05-08' }, 1)).toBe('2021-05-09');
    expect(retentionDue(april, 2.5)).toBe('2023-02-01');
    expect(isRetentionDue(april, 3, '2023-07-31')).toBe(false);
    expect(isRetentionDue(april, 3, '2023-08-01')).toBe(true);
  });
});

describe('the sweep and retention', () => {
  const view = (o: Partial<RequestView>): RequestView => ({
    id: 'a', reference: '2020-04-001', callId: '2020-04', municipality: 'Manresa', contactName: MARKER, contactEmail: 'a@example.cat', topic: 'Energia', requestedService: 'Mentoria',
    late: false, member: true, decision: 'Acceptada', service: 'Mentoria', hours: 4, adviser: MARKER, adviserContact: MARKER, message: '', redirectedTo: '', announce: true, release: true, ...o,
  });
  const state = (log: LogEntry[]) => ({ requests: [view({}), view({ id: 'c', callId: '2024-CCPR', late: true })], log, calls, members: [], pools: [{ callId: '2020-04', service: 'Mentoria', hours: 8, left: 4 }] });
  const anonymised: LogEntry = { requestId: '', at: '2024-01-01 10:00:00', kind: 'anonimitzada', state: 'registrat', key: 'anonimitzada:2020-04', detail: '' };
  const now = new Date('2024-06-01T10:00:00Z');

  test('reminds staff of each call past its date, until it is anonymised or reported', () => {
    const texts = planSweep(state([]), now, { staff: ['s@x.cat'] }).digest.map((d) => d.key);
    expect(texts).toEqual(expect.arrayContaining(['conservacio:2020-04']));
    expect(texts).not.toContain('conservacio:2024-CCPR');
    const after = planSweep(state([anonymised]), now, { staff: ['s@x.cat'] }).digest.map((d) => d.key);
    expect(after).not.toContain('conservacio:2020-04');
    expect(after).toContain('conservacio:2020-09');
  });

  test('plans nothing for the rows of an anonymised call, and still for other calls', () => {
    const before = planSweep(state([]), now, { staff: ['s@x.cat'] });
    expect(before.sends.map((s) => s.requestId)).toContain('a');
    const after = planSweep(state([anonymised]), now, { staff: ['s@x.cat'] });
    expect(after.sends.map((s) => s.requestId)).not.toContain('a');
    expect(after.digest.map((d) => d.key)).toContain('fora_termini:c');
  });
});
