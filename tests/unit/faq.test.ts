// What was learned, published: the sessions' FAQ and good practices of a call come out
// grouped by thematic area, once each, and with no person's name, email or phone.
import { describe, expect, test } from 'vitest';
import { gatherLearning } from '../../shared/faq/gather';
import { learningMarkdown } from '../../shared/faq/markdown';
import type { Grid } from '../../shared/retention/plan';
import { COMMISSION_COLUMNS as C } from '../../shared/workspace/commission-columns';
import { parseCalls } from '../../shared/workspace/config-rows';
import { REQUEST_COLUMNS as R } from '../../shared/workspace/request-row';
import { SEED_CALLS } from '../../shared/workspace/seed';
import { REVIEW_COLUMNS, SESSION_COLUMNS } from '../../shared/workspace/tabs-extra';

const calls = parseCalls(SEED_CALLS);
const grid = (header: readonly string[], rows: Array<Record<string, unknown>>): Grid => ({ header, rows: rows.map((r) => header.map((h) => r[h] ?? '')) });
const requests = grid([R.id, R.call, R.topic, R.contactName, R.contactEmail, R.contactPhone, C.adviser], [
  { [R.id]: 'a', [R.call]: '2020-04', [R.topic]: 'Energia', [R.contactName]: 'Anna Puig', [R.contactEmail]: 'anna@example.cat', [R.contactPhone]: '600 11 22 33', [C.adviser]: 'Joan Serra' },
  { [R.id]: 'b', [R.call]: '2020-04', [R.topic]: 'Cures', [R.contactName]: 'Pere Vila' },
  { [R.id]: 'c', [R.call]: '2020-04', [R.topic]: 'Altres: moneda local' },
  { [R.id]: 'd', [R.call]: '2020-09', [R.topic]: 'Energia' },
]);
const reviews = grid(REVIEW_COLUMNS, [{ 'Persona avaluadora': 'Marta Roca', 'ID sol·licitud': 'a' }]);
const session = (id: string, q: string, a: string, p = '') => ({ 'ID sol·licitud': id, 'Pregunta FAQ': q, 'Resposta FAQ': a, 'Bona pràctica': p });
const sessions = grid(SESSION_COLUMNS, [
  session('a', 'Com es crea una comunitat energètica?', 'La Marta Roca recomana començar per una ordenança; escriviu a anna@example.cat.', 'Ordenança de la Joan Serra'),
  session('a', 'Com es crea una comunitat energètica?', 'La Marta Roca recomana començar per una ordenança; escriviu a anna@example.cat.'),
  session('b', 'Quins serveis de cures es poden municipalitzar?', 'Els de proximitat; truqueu al 600 11 22 33 o a Pere Vila.', 'Taula de cures'),
  session('c', '', '', 'Moneda local en el comerç de proximitat'),
  session('a', 'Quan es fa la segona sessió?', ''),
  session('d', 'Una pregunta d’una altra convocatòria', 'x'),
  session('a', '', ''),
]);

describe('npm run faq, pure', () => {
  const learning = gatherLearning({ calls, callId: '2020-04', requests, reviews, sessions, otherTopic: 'Altres' });
  const md = learningMarkdown(learning);

  test('one call, its areas in order, each FAQ and practice once', () => {
    expect(learning.map((l) => l.call.id)).toEqual(['2020-04']);
    expect(learning[0]!.themes.map((t) => [t.theme, t.faq.length, t.practices.length])).toEqual([
      ['Altres', 0, 1],
      ['Cures', 1, 1],
      ['Energia', 2, 1],
    ]);
    expect(md).not.toContain('altra convocatòria');
    expect(md.indexOf('### Cures')).toBeLessThan(md.indexOf('Quins serveis de cures'));
    expect(md.indexOf('Quins serveis de cures')).toBeLessThan(md.indexOf('### Energia'));
    expect(md).toContain('(sense resposta registrada)');
  });

  test('no name, email or phone of anyone the workspace knows', () => {
    for (const p of ['Anna Puig', 'anna@example.cat', '600 11 22 33', 'Joan Serra', 'Pere Vila', 'Marta Roca']) expect(md).not.toContain(p);
    expect(md).toContain('recomana començar per una ordenança');
  });

  test('every call when none is asked for; a plain sentence when there is nothing', () => {
    expect(gatherLearning({ calls, requests, reviews, sessions, otherTopic: 'Altres' }).map((l) => l.call.id)).toEqual(['2020-04', '2020-09']);
    expect(learningMarkdown([])).toMatch(/^Encara no hi ha/);
  });
});
