// The Commission's workspace on the emulator: a realistic call goes in through intake, the
// Commission types scores, reviews and sessions as people would (values API, USER_ENTERED),
// and the helper columns' evaluated values are checked. Then setup runs again on the full
// sheet and must change nothing. All of it on a spreadsheet a person created in the UI in
// en_US (formulas read back with `,`) and in ca_ES (`;` between arguments, `,` decimals).
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { sheets_v4 } from '@googleapis/sheets';
import { setupWorkspace } from '../../shared/adapters/sheets-setup';
import { workspaceSpec } from '../../shared/workspace/workspace-spec';
import { columnLetter } from '../../shared/workspace/tabs';
import { demoSeed } from '../../emulators/demo';
import { IN_CALL_2020_04, receiveOn, startTestStack, type TestStack } from '../support/stack';
import { validBody } from '../support/submissions';
import { conditionalColours, effective } from '../../emulators/page/assets/sheet-rules.js';

const SHEET = 'local-workspace';

const members = [
  'Sant Cugat del Vallès', 'Barcelona', 'Santa Coloma de Gramenet', 'L’Hospitalet de Llobregat', 'Manresa',
  'La Garriga', 'Celrà', 'Vilafranca del Penedès', 'Consell Comarcal de l’Alt Penedès', 'Consell Comarcal del Pallars Jussà',
];

// One stack for the file (the functions build their adapters once per process): each locale
// starts from a reset workspace created in that locale.
let shared: TestStack | undefined;
afterAll(() => shared?.close());

describe.each(['en_US', 'ca_ES'])('on a %s spreadsheet', (locale) => {
  let stack: TestStack;
  let api: sheets_v4.Sheets;
  let header: string[] = [];
  const rowOf = new Map<string, number>();

  async function values(range: string, render: 'UNFORMATTED_VALUE' | 'FORMULA' = 'UNFORMATTED_VALUE') {
    const res = await api.spreadsheets.values.get({ spreadsheetId: SHEET, range, valueRenderOption: render });
    return res.data.values ?? [];
  }
  const cell = (id: string, h: string) => `'Sol·licituds'!${columnLetter(header.indexOf(h))}${rowOf.get(id)}`;
  async function type(entries: Array<[string, unknown]>) {
    await api.spreadsheets.values.batchUpdate({
      spreadsheetId: SHEET,
      requestBody: { valueInputOption: 'USER_ENTERED', data: entries.map(([range, v]) => ({ range, values: [[v]] })) },
    });
  }
  async function helper(id: string, h: string): Promise<unknown> {
    return (await values(cell(id, h)))[0]?.[0] ?? '';
  }

  beforeAll(async () => {
    if (shared) await shared.reset({ locale });
    else shared = await startTestStack({ locale });
    stack = shared;
    header = [];
    rowOf.clear();
    api = stack.api;
    // 26 requests for April 2020: members in turn, one late, one non-member.
    const bodies = Array.from({ length: 24 }, (_, i) =>
      validBody({
        submissionId: `w-${String(i + 1).padStart(2, '0')}`,
        municipality: members[i % members.length],
        serviceType: i % 2 ? 'advisory' : 'mentoring',
        priorityTheme: i % 3 === 0,
        trackRecord: i % 4 === 0 ? 'starting' : 'established',
        contactEmail: `w${i + 1}@example.cat`,
      }),
    );
    bodies.push(validBody({ submissionId: 'w-nonmember', municipality: 'Ajuntament de Mataró', contactEmail: 'nm@example.cat' }));
    receiveOn(IN_CALL_2020_04);
    const answers = await Promise.all(bodies.map((b) => stack.post(b)));
    // Received the day after the deadline.
    receiveOn('2020-05-09T09:00:00+02:00');
    answers.push(await stack.post(validBody({ submissionId: 'w-late', submittedAt: '2020-05-09T09:00:00+02:00', contactEmail: 'late@example.cat' })));
    vi.useRealTimers();
    expect(answers.map((a) => a.status)).toEqual([...bodies, 'late'].map(() => 201));
    const rows = await values("'Sol·licituds'");
    header = (rows[0] ?? []).map(String);
    rows.slice(1).forEach((r, i) => rowOf.set(String(r[0]), i + 2));
  }, 240_000);

  describe('helper columns compute as the Commission types', () => {
    test('weighted criteria score leaves a blank criterion out instead of counting 0', async () => {
      await type([
        [cell('w-01', 'Punt. Necessitat i impacte'), 4],
        [cell('w-01', 'Punt. Alineació'), 2],
      ]);
      expect(await helper('w-01', 'Puntuació criteris')).toBe(3);
      await type([["Criteris!C2", 3]]); // the Commission weighs need three times
      expect(await helper('w-01', 'Puntuació criteris')).toBe(3.5);
      await type([["Criteris!C2", 1]]);
    });

    test('priority points: involvement, diversity, priority theme, recent member, short track record', async () => {
      // w-04 is L’Hospitalet (joined 2019-06-03, recent for April 2020), priority theme yes, track "starting".
      await type([
        [cell('w-04', 'Implicació (0–3)'), 2],
        [cell('w-04', 'Diversitat (0–3)'), 1],
      ]);
      expect(await helper('w-04', 'Membre recent')).toBe(true);
      // 2×0.25 + 1×0.25 + 0.5 (theme) + 0.5 (recent) + 0 (established track)
      expect(await helper('w-04', 'Punts de prioritat')).toBe(1.75);
    });

    test('ranking within call and service shares ranks on ties', async () => {
      // Mentoring requests with no priority points: w-03 and w-11 score 4, w-15 scores 5.
      for (const id of ['w-03', 'w-11', 'w-15']) {
        await type([[cell(id, 'Punt. Necessitat i impacte'), id === 'w-15' ? 5 : 4]]);
      }
      const ranks = await Promise.all(['w-15', 'w-03', 'w-11'].map((id) => helper(id, 'Rànquing')));
      const totals = await Promise.all(['w-15', 'w-03', 'w-11'].map((id) => helper(id, 'Total')));
      expect(totals).toEqual([5, 4, 4]);
      expect(totals[1]).toBe(totals[2]);
      expect(ranks[1]).toBe(ranks[2]);
      expect(Number(ranks[0])).toBeLessThan(Number(ranks[1]));
      expect(await helper('w-02', 'Rànquing')).toBe(''); // not scored: not ranked
    });

    test('reviews: the mean of valid ones counts; a conflict of interest is left out', async () => {
      // w-08 comes from Vilafranca del Penedès (Alt Penedès).
      const id = 'w-08';
      await api.spreadsheets.values.update({
        spreadsheetId: SHEET,
        range: 'Valoracions!A2',
        valueInputOption: 'USER_ENTERED',
        requestBody: {
          values: [
            ['Anna', 'Manresa', id, 4, 3, '', 'bé'],
            ['Pere', 'Celrà', id, 2, '', '', ''],
            ['Marta', 'Consell Comarcal de l’Alt Penedès', id, 5, 5, 5, 'conflicte'],
            ['Joan', 'Vilafranca del Penedès', id, 5, 5, 5, 'conflicte'],
          ],
        },
      });
      const review = await values('Valoracions!H2:J5');
      expect(review.map((r) => [r[1], r[2]])).toEqual([[false, true], [false, true], [true, false], [true, false]]);
      expect(await helper(id, 'Valoracions vàlides')).toBe(2);
      expect(await helper(id, 'Mitjana Necessitat')).toBe(3);
      expect(await helper(id, 'Mitjana Transferibilitat')).toBe(3);
      expect(await helper(id, 'Mitjana Alineació')).toBe('');
      expect(await helper(id, 'Puntuació criteris')).toBe(3);
    });

    test('hours left after sessions, and a pool going negative turns red', async () => {
      // Accept three mentoring requests (one package of 4 h each) against April's 8 h pool.
      for (const id of ['w-01', 'w-03', 'w-11']) {
        await type([
          [cell(id, 'Decisió'), 'Acceptada'],
          [cell(id, 'Servei assignat'), 'Mentoria'],
        ]);
      }
      await api.spreadsheets.values.update({
        spreadsheetId: SHEET,
        range: 'Sessions!A2',
        valueInputOption: 'USER_ENTERED',
        requestBody: { values: [['w-01', '2020-05-20', 2, 'A distància'], ['w-01', '2020-06-03', 1, 'A distància']] },
      });
      expect(await helper('w-01', 'Hores comptades')).toBe(4);
      expect(await helper('w-01', 'Hores fetes')).toBe(3);
      expect(await helper('w-01', 'Hores restants')).toBe(1);
      // Typed, not sent: the hours show as pending (G), and what is left counts them.
      const pools = await values("'Bosses d’hores'!A2:G3");
      expect(pools[0]).toEqual(['2020-04', 'Mentoria', 8, 0, 3, -4, 12]);
      const meta = await api.spreadsheets.get({ spreadsheetId: SHEET, fields: 'sheets(properties(title),conditionalFormats)' });
      const poolsTab = meta.data.sheets?.find((s) => s.properties?.title === 'Bosses d’hores');
      expect(JSON.stringify(poolsTab?.conditionalFormats)).toContain('$F2<0');
    });

    test('summary counts what the yearly report needs, computed', async () => {
      // Three acceptances typed, none sent: none counted as accepted, three shown apart.
      const summary = await values('Resum!A2:O2');
      expect(summary[0]?.slice(0, 5)).toEqual(['2020-04', 26, 0, 0, 0]);
      expect(summary[0]?.[12]).toBe(3); // accepted, not sent yet
      expect(summary[0]?.[7]).toBe(1); // late
      expect(summary[0]?.[8]).toBe(1); // non-member
      // The areas requests named: every request asked about Energia.
      const topics = await values('Resum!J2:L3');
      expect(topics).toEqual([['Energia', 26, 0]]); // row 3 is blank: no other area
      const meta = await api.spreadsheets.get({ spreadsheetId: SHEET, fields: 'sheets(properties(title),charts(spec(title)))' });
      const charts = meta.data.sheets?.find((s) => s.properties?.title === 'Resum')?.charts ?? [];
      expect(charts.map((c) => c.spec?.title)).toEqual(['Sol·licituds i acceptades per convocatòria']);
    });
  });

  describe('what the Commission sees', () => {
    test('call IDs stay text, seeded or typed by staff as the admin guide says', async () => {
      expect((await values('Convocatòries!A2:A4')).map((r) => r[0])).toEqual(['2020-04', '2020-09', 'DEMO']);
      expect(await values("'Bosses d’hores'!A6:C6")).toEqual([['2024', 'Assessorament expert en CCPR', 50]]);
      await type([['Convocatòries!A10', '2020-10']]);
      expect(await values('Convocatòries!A10')).toEqual([['2020-10']]);
      await api.spreadsheets.values.clear({ spreadsheetId: SHEET, range: 'Convocatòries!A10' });
    });

    test('no empty row is coloured; the late and non-member rows are', async () => {
      const res = await api.spreadsheets.get({
        spreadsheetId: SHEET,
        ranges: ["'Sol·licituds'!A1:AZ40"],
        includeGridData: true,
        fields: 'sheets(conditionalFormats,data(rowData(values(effectiveValue))))',
      });
      const sheet = res.data.sheets?.[0];
      const grid = (sheet?.data?.[0]?.rowData ?? []).map((r) => r.values ?? []);
      const colour = conditionalColours(sheet?.conditionalFormats, (r, c) => effective(grid[r]?.[c]));
      const coloured = (row: number) => Array.from({ length: header.length }, (_, c) => colour(row - 1, c)).some(Boolean);
      expect(coloured(rowOf.get('w-late')!)).toBe(true);
      expect(coloured(rowOf.get('w-nonmember')!)).toBe(true);
      expect(coloured(rowOf.get('w-02')!)).toBe(false);
      const empty = Array.from({ length: 10 }, (_, i) => rowOf.size + 2 + i);
      expect(empty.filter(coloured)).toEqual([]);
    });

    test(`the spreadsheet stays ${locale}, and formulas read back in its syntax`, async () => {
      const meta = await api.spreadsheets.get({ spreadsheetId: SHEET, fields: 'properties(locale)' });
      expect(meta.data.properties?.locale).toBe(locale);
      const formula = String((await values(cell('w-01', 'Hores restants'), 'FORMULA'))[0]?.[0]);
      expect(formula).toMatch(locale === 'ca_ES' ? /^=IF\([^,]*;/ : /^=IF\([^;]*,/);
    });
  });

  describe('setup on a loaded workspace', () => {
    test('changes no cell people typed and plans nothing the second time', async () => {
      const tabs = ['Sol·licituds', 'Valoracions', 'Sessions', 'Bosses d’hores', 'Convocatòries', 'Criteris', 'Municipis'];
      const before = await Promise.all(tabs.map((t) => values(`'${t}'`, 'FORMULA')));
      const first = await setupWorkspace({ spreadsheetId: SHEET, rootUrl: `${stack.url}/`, spec: workspaceSpec(demoSeed()) });
      expect(first.steps).toEqual([]);
      const after = await Promise.all(tabs.map((t) => values(`'${t}'`, 'FORMULA')));
      tabs.forEach((t, i) => expect(after[i], t).toEqual(before[i]));
      const dry = await setupWorkspace({ spreadsheetId: SHEET, rootUrl: `${stack.url}/`, spec: workspaceSpec(demoSeed()), dryRun: true });
      expect(dry.steps).toHaveLength(0);
    });

    test('a template change upgrades helper formulas only', async () => {
      const spec = workspaceSpec(demoSeed());
      const requests = spec[0]!;
      const changed = {
        ...requests,
        formulas: { ...requests.formulas!, build: (r: number, L: (h: string) => string) => requests.formulas!.build(r, L).map((f, i) => (i === 0 ? `${f}+0` : f)) },
      };
      const { steps } = await setupWorkspace({ spreadsheetId: SHEET, rootUrl: `${stack.url}/`, spec: [changed, ...spec.slice(1)] });
      expect(steps.map((s) => s.kind)).toEqual(['formulas']);
      expect(steps[0]).toMatchObject({ header: 'Valoracions vàlides' });
      const again = await setupWorkspace({ spreadsheetId: SHEET, rootUrl: `${stack.url}/`, spec: [changed, ...spec.slice(1)] });
      expect(again.steps).toEqual([]);
    });
  });
});
