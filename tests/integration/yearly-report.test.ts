// The 2023 report read off the sheet: a year of requests goes in through intake, the
// Commission decides and releases, the sweep emails, sessions are typed; the yearly view
// shows the report's figures (11 advisories agreed, 6 mentoring sessions) and Resum and the
// pools agree with the emails actually sent. On an en_US and a ca_ES spreadsheet.
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { sheets_v4 } from '@googleapis/sheets';
import { DEMO_MEMBERS } from '../../emulators/demo';
import { conditionalColours, effective } from '../../emulators/page/assets/sheet-rules.js';
import { DEFAULT_TOPICS } from '../../shared/workspace/seed';
import { Commission } from '../support/commission';
import { receiveOn, startTestStack, type TestStack } from '../support/stack';
import { validBody } from '../support/submissions';
import { workspaceTools } from '../support/workspace-tools';

const SHEET = 'local-workspace';
const CCPR = 'Assessorament expert en CCPR';
const ADVISORY = 'Assessorament especialitzat';
type Plan = 'accept' | 'typed-only' | 'refuse' | 'none';
interface Req { id: string; at: string; who: string; service: 'mentoring' | 'advisory' | 'either'; topic: string; plan: Plan; assign?: string }

// Two calls of 2023, spread over services, counties and topics ("Moneda local" is added to
// the September call after setup). Sent days are Catalan local times.
const march = (id: string, who: string, service: Req['service'], topic: string, plan: Plan, assign?: string): Req => ({ id, at: '2023-03-15T10:00:00+01:00', who, service, topic, plan, assign });
const sept = (id: string, who: string, service: Req['service'], topic: string, plan: Plan, assign?: string): Req => ({ id, at: '2023-09-12T10:00:00+02:00', who, service, topic, plan, assign });
const YEAR: Req[] = [
  march('a01', 'Manresa', 'advisory', 'Energia', 'accept'),
  march('a02', 'Celrà', 'advisory', 'Compra i Contractació Pública Responsable (CCPR)', 'accept'),
  march('a03', 'Barcelona', 'advisory', 'Cures', 'accept'),
  march('a04', 'La Garriga', 'advisory', 'Energia', 'accept'),
  march('a05', 'Vilafranca del Penedès', 'advisory', 'Agroecologia', 'accept'),
  march('m01', 'Santa Coloma de Gramenet', 'mentoring', 'Finançament', 'accept'),
  march('m02', 'L’Hospitalet de Llobregat', 'mentoring', 'Cures', 'accept'),
  march('x01', 'Sant Cugat del Vallès', 'advisory', 'Energia', 'typed-only'),
  march('x02', 'Consell Comarcal del Pallars Jussà', 'either', 'Energia', 'accept'), // held: no service chosen
  march('nm1', 'Ajuntament de Mataró', 'mentoring', 'Energia', 'none'),
  { ...march('lt1', 'Manresa', 'mentoring', 'Energia', 'none'), at: '2023-04-05T10:00:00+02:00' },
  { ...march('ea1', 'Celrà', 'mentoring', 'Energia', 'none'), at: '2023-02-20T10:00:00+01:00' },
  sept('a06', 'Manresa', 'advisory', 'Moneda local', 'accept'),
  sept('a07', 'Sant Cugat del Vallès', 'advisory', 'Moneda local', 'accept'),
  sept('a08', 'Consell Comarcal de l’Alt Penedès', 'advisory', 'Indústria i ESS', 'accept'),
  sept('a09', 'Barcelona', 'advisory', 'Habitatge Cooperatiu', 'accept'),
  sept('c01', 'Celrà', 'advisory', 'Compra i Contractació Pública Responsable (CCPR)', 'accept', CCPR),
  sept('c02', 'Santa Coloma de Gramenet', 'advisory', 'Compra i Contractació Pública Responsable (CCPR)', 'accept', CCPR),
  sept('m03', 'Consell Comarcal del Pallars Jussà', 'mentoring', 'Comerç i ESS', 'accept', 'Mentoria'),
  sept('d01', 'La Garriga', 'mentoring', 'Energia', 'refuse'),
];
// Sessions held: six of mentoring in their windows, one after the March call's window.
const SESSIONS: Array<[string, string, number]> = [
  ['m01', '2023-04-20', 2], ['m01', '2023-05-18', 2], ['m02', '2023-06-01', 2], ['m02', '2023-07-06', 2],
  ['m03', '2023-10-15', 2], ['m03', '2023-11-12', 2], ['a01', '2023-05-03', 2], ['a06', '2023-10-20', 2],
  ['m01', '2023-08-15', 2], // outside May–July: flagged, not counted
];
const OUTSIDE = '2023-08-15';

const memberOf = (name: string) => DEMO_MEMBERS.find((m) => m[0] === name);
const sentAccepted = YEAR.filter((r) => r.plan === 'accept' && r.service !== 'either');
const serviceOf = (r: Req) => r.assign ?? (r.service === 'mentoring' ? 'Mentoria' : ADVISORY);
const callOf = (r: Req) => (r.at.startsWith('2023-09') ? '2023-09' : '2023-03');

let shared: TestStack | undefined;
afterAll(() => shared?.close());

describe.each(['en_US', 'ca_ES'])('the 2023 report on a %s spreadsheet', (locale) => {
  let stack: TestStack;
  let api: sheets_v4.Sheets;
  let commission: Commission;
  const { all: mails, mails: to, text, values, put, sweep } = workspaceTools(() => stack);
  const email = (id: string) => `${id}@example.cat`;
  const helper = async (id: string, h: string) => (await values(commission.cell(id, h)))[0]?.[0] ?? '';
  async function table(tab: string) {
    const [header = [], ...rows] = await values(`'${tab}'`);
    return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i] ?? ''])));
  }
  const firstEmptyRow = async (tab: string) => (await values(`'${tab}'!A:A`)).length + 1;

  beforeAll(async () => {
    if (shared) await shared.reset({ locale });
    else shared = await startTestStack({ locale });
    stack = shared;
    api = stack.api;
    commission = new Commission(api);
    // The Commission configures 2023 as staff would: two calls, their pools, a yearly CCPR pool.
    const calls = await firstEmptyRow('Convocatòries');
    await put(`Convocatòries!A${calls}`, [
      ['2023-03', 'Convocatòria de març de 2023', '2023-03-01', '2023-03-31', '2023-04-01', '2023-07-31', '', '', 4, 2, DEFAULT_TOPICS],
      ['2023-09', 'Convocatòria de setembre de 2023', '2023-09-01', '2023-09-30', '2023-10-01', '2023-12-31', '', '', 4, 2, DEFAULT_TOPICS],
    ]);
    const pools = await firstEmptyRow('Bosses d’hores');
    await put(`'Bosses d’hores'!A${pools}`, [
      ['2023-03', 'Mentoria', 8], ['2023-03', ADVISORY, 28], ['2023-09', 'Mentoria', 12], ['2023-09', ADVISORY, 32], ['2023', CCPR, 50],
    ]);
    // A thematic area added to the September call after setup.
    await put(`Convocatòries!K${calls + 1}`, [[`${DEFAULT_TOPICS}; Moneda local`]]);
    for (const r of YEAR) {
      receiveOn(r.at); // received when sent: the receipt decides the call
      const res = await stack.post(validBody({ submissionId: r.id, submittedAt: r.at, municipality: r.who, serviceType: r.service, topic: r.topic, contactEmail: email(r.id), priorityTheme: false, trackRecord: 'established' }));
      vi.useRealTimers();
      expect(res.status, r.id).toBe(201);
    }
    await commission.refresh();
  }, 240_000);

  test('placed by date and service; early, late and non-member requests flagged', async () => {
    expect(await helper('a01', 'Convocatòria')).toBe('2023-03');
    expect(await helper('a06', 'Convocatòria')).toBe('2023-09');
    expect(await helper('ea1', 'Abans d’obertura')).toBe(true);
    expect(await helper('ea1', 'Convocatòria')).toBe('2023-03');
    expect(await helper('lt1', 'Fora de termini')).toBe(true);
    expect(await helper('nm1', 'Membre')).toBe(false);
    expect(text(to(email('ea1'))[0]!)).toContain('abans que s’obrís la convocatòria de març de 2023');
  });

  test('Hores assignades takes whole sessions of the call’s length only', async () => {
    const meta = await api.spreadsheets.get({ spreadsheetId: SHEET, ranges: [commission.cell('a01', 'Hores assignades')], includeGridData: true, fields: 'sheets(data(rowData(values(dataValidation))))' });
    const rule = meta.data.sheets?.[0]?.data?.[0]?.rowData?.[0]?.values?.[0]?.dataValidation;
    expect(rule?.condition?.type).toBe('CUSTOM_FORMULA');
    expect(rule?.strict).toBe(true);
    // Evaluate the rule as Sheets does for the first request row (its references name row 2),
    // in a free-text cell of the same tab, cleared afterwards.
    const formula = String(rule?.condition?.values?.[0]?.userEnteredValue);
    const [firstId] = (await values("'Sol·licituds'!A2"))[0] ?? [];
    const hours = commission.cell(String(firstId), 'Hores assignades');
    const spare = commission.cell(String(firstId), 'Missatge al municipi');
    const check = async (h: number | string) => {
      await put(hours, [[h]]);
      await put(spare, [[formula]]);
      return (await values(spare))[0]?.[0];
    };
    expect(await check(3)).toBe(false);
    expect(await check(4)).toBe(true);
    expect(await check(6)).toBe(true);
    expect(await check('')).toBe(true);
    await api.spreadsheets.values.batchClear({ spreadsheetId: SHEET, requestBody: { ranges: [spare, hours] } });
  });

  test('flagged requests stay unranked, with the reason, until the Commission admits them', async () => {
    await commission.typeAll([
      ['nm1', { 'Punt. Necessitat i impacte': 5 }],
      ['lt1', { 'Punt. Necessitat i impacte': 5 }],
      ['ea1', { 'Punt. Necessitat i impacte': 5 }],
      ['m01', { 'Punt. Necessitat i impacte': 4 }],
      ['m02', { 'Punt. Necessitat i impacte': 3 }],
    ]);
    expect(await Promise.all(['nm1', 'lt1', 'ea1', 'm01', 'm02'].map((id) => helper(id, 'Rànquing')))).toEqual(['', '', '', 1, 2]);
    expect(await helper('nm1', 'Motiu per no classificar')).toBe('No membre.');
    expect(await helper('lt1', 'Motiu per no classificar')).toBe('Fora de termini.');
    expect(await helper('ea1', 'Motiu per no classificar')).toBe('Abans de l’obertura.');
    await commission.type('nm1', { Admesa: true });
    expect(await Promise.all(['nm1', 'lt1', 'm01', 'm02'].map((id) => helper(id, 'Rànquing')))).toEqual([1, '', 2, 3]);
    expect(await helper('nm1', 'Motiu per no classificar')).toBe('');
    await commission.type('nm1', { Admesa: false });
  });

  describe('after a year of decisions, emails and sessions', () => {
    beforeAll(async () => {
      await commission.typeAll(
        YEAR.flatMap((r): Array<[string, Record<string, unknown>]> => {
          const service = r.assign ? { 'Servei assignat': r.assign } : {};
          if (r.plan === 'accept') return [[r.id, { Decisió: 'Acceptada', ...service, 'Enviar decisió': true }]];
          if (r.plan === 'typed-only') return [[r.id, { Decisió: 'Acceptada' }]];
          if (r.plan === 'refuse') return [[r.id, { Decisió: 'Denegada', 'Enviar decisió': true }]];
          return [];
        }),
      );
      await sweep();
      await put('Sessions!A2', SESSIONS.map(([id, date, h]) => [id, date, h, 'A distància']));
      await sweep();
    }, 120_000);

    const acceptances = () => mails().filter((m) => m.custom_args?.kind === 'decisio' && /acceptada/.test(m.subject));
    const digests = () => mails().filter((m) => m.custom_args?.kind === 'resum').map(text).join('\n');

    test('acceptances are sent for what was released with a service, as the municipality asked when blank', () => {
      expect(acceptances().map((m) => m.personalizations[0]!.to[0]!.email).sort()).toEqual(sentAccepted.map((r) => email(r.id)).sort());
      expect(text(to(email('a01')).find((m) => m.custom_args?.kind === 'decisio')!)).toContain(`Servei: ${ADVISORY}`);
      expect(text(to(email('m01')).find((m) => m.custom_args?.kind === 'decisio')!)).toContain('Servei: Mentoria');
      expect(to(email('x02')).filter((m) => m.custom_args?.kind === 'decisio')).toEqual([]);
      expect(digests()).toContain('cal triar-ne un a «Servei assignat»');
      expect(digests()).not.toContain('amb 0 h');
    });

    test('the yearly view shows the report’s figures for 2023, and each call’s', async () => {
      await put(`'Informe anual'!A${await firstEmptyRow('Informe anual')}`, [[2023, '2023-03'], [2023, '2023-09']]);
      const rows = await table('Informe anual');
      const row = (call: string) => rows.find((r) => r.Any === 2023 && r.Convocatòria === call)!;
      const year = row('');
      expect(year['Assessoraments acordats']).toBe(11); // the 2023 report
      expect(year['Sessions de mentoria']).toBe(6); // the 2023 report
      expect(year['Hores de mentoria']).toBe(12);
      expect(year['Mentories acordades']).toBe(sentAccepted.filter((r) => serviceOf(r) === 'Mentoria').length);
      expect(year['Sol·licituds']).toBe(YEAR.length);
      expect(year.Acceptades).toBe(sentAccepted.length);
      expect(year['Acceptades pendents d’enviar']).toBe(YEAR.filter((r) => r.plan === 'typed-only' || r.service === 'either').length);
      expect(year['Sessions d’assessorament']).toBe(SESSIONS.filter(([id]) => id.startsWith('a')).length);
      expect(year['Municipis atesos']).toBe(new Set(sentAccepted.map((r) => r.who)).size);
      for (const call of ['2023-03', '2023-09']) {
        const mine = sentAccepted.filter((r) => callOf(r) === call);
        expect(row(call).Acceptades, call).toBe(mine.length);
        expect(row(call)['Assessoraments acordats'], call).toBe(mine.filter((r) => serviceOf(r) !== 'Mentoria').length);
        expect(row(call)['Municipis atesos'], call).toBe(new Set(mine.map((r) => r.who)).size);
      }
      expect(row('2023-03')['Sessions de mentoria'] + row('2023-09')['Sessions de mentoria']).toBe(6);
    });

    test('per county, province, town size and thematic area, for the breakdown year', async () => {
      const rows = await table('Informe anual');
      expect(rows[0]!['Any del desglossament']).toBe(2023);
      const members = YEAR.filter((r) => memberOf(r.who));
      const by = (value: (r: Req) => unknown, name: string, prefix: string) => {
        const listed = rows.filter((r) => r[name] !== '');
        expect(new Set(listed.map((r) => r[name])).size, `${name} listed once each`).toBe(listed.length);
        for (const v of new Set(members.map(value).filter((v) => v !== ''))) {
          const line = listed.find((r) => r[name] === v);
          const mine = members.filter((r) => value(r) === v);
          const accepted = sentAccepted.filter((r) => value(r) === v);
          expect([line?.[`Sol·licituds per ${prefix}`], line?.[`Acceptades per ${prefix}`], line?.[`Municipis atesos per ${prefix}`]], `${name} ${String(v)}`)
            .toEqual([mine.length, accepted.length, new Set(accepted.map((r) => r.who)).size]);
        }
      };
      by((r) => memberOf(r.who)![2], 'Comarca', 'comarca');
      by((r) => memberOf(r.who)![3], 'Província', 'província');
      by((r) => memberOf(r.who)![4], 'Mida del municipi', 'mida');
      const topics = rows.filter((r) => r['Àmbit temàtic'] !== '');
      const moneda = topics.find((r) => r['Àmbit temàtic'] === 'Moneda local');
      expect([moneda?.['Sol·licituds per àmbit'], moneda?.['Acceptades per àmbit']]).toEqual([2, 2]);
      const resum = await table('Resum');
      expect(resum.find((r) => r['Àmbit temàtic'] === 'Moneda local')?.['Acceptades per àmbit']).toBe(2);
      const meta = await api.spreadsheets.get({ spreadsheetId: SHEET, fields: 'sheets(properties(title),charts(spec(title)))' });
      expect(meta.data.sheets?.find((s) => s.properties?.title === 'Informe anual')?.charts?.map((c) => c.spec?.title)).toEqual(['Assessoraments i mentories per any']);
    });

    test('Resum and the pools agree with the acceptance emails sent', async () => {
      const sent = acceptances().map((m) => {
        const id = m.custom_args?.requestId ?? YEAR.find((r) => email(r.id) === m.personalizations[0]!.to[0]!.email)!.id;
        const r = YEAR.find((x) => x.id === id)!;
        return { call: callOf(r), service: /Servei: (.*)/.exec(text(m))?.[1]?.trim() };
      });
      const resum = await table('Resum');
      for (const call of ['2023-03', '2023-09']) {
        const line = resum.find((r) => r.Convocatòria === call)!;
        const mine = sent.filter((s) => s.call === call);
        expect(line.Acceptades, call).toBe(mine.length);
        expect(line['Mentories acceptades'], call).toBe(mine.filter((s) => s.service === 'Mentoria').length);
        expect(line['Assessoraments acceptats'], call).toBe(mine.filter((s) => s.service !== 'Mentoria').length);
        expect(line['Acceptades pendents d’enviar'], call).toBe(call === '2023-03' ? 2 : 0);
        expect(line['Sessions fora del període'], call).toBe(call === '2023-03' ? 1 : 0);
      }
      const pools = await table('Bosses d’hores');
      const pool = (id: string, service: string) => pools.find((p) => p.Convocatòria === id && p.Servei === service)!;
      const hours = (keep: (s: (typeof sent)[number]) => boolean) => 4 * sent.filter(keep).length;
      expect(pool('2023-03', ADVISORY).Assignades).toBe(hours((s) => s.call === '2023-03' && s.service === ADVISORY));
      expect(pool('2023-09', 'Mentoria').Assignades).toBe(hours((s) => s.call === '2023-09' && s.service === 'Mentoria'));
      // The yearly pool: requests of the September call drew on it.
      expect(pool('2023', CCPR).Assignades).toBe(hours((s) => s.service === CCPR));
      expect(pool('2023', CCPR).Restants).toBe(50 - hours((s) => s.service === CCPR));
      // Sessions outside the window are not done: m01 held 2 × 2 h inside, 2 h outside.
      expect(pool('2023-03', 'Mentoria').Fetes).toBe(8);
      expect(await helper('m01', 'Hores fetes')).toBe(4);
    });

    test('a session outside its call’s window is red on Sessions and reported to staff', async () => {
      const res = await api.spreadsheets.get({ spreadsheetId: SHEET, ranges: ['Sessions!A1:P12'], includeGridData: true, fields: 'sheets(conditionalFormats,data(rowData(values(effectiveValue))))' });
      const sheet = res.data.sheets?.[0];
      const grid = (sheet?.data?.[0]?.rowData ?? []).map((r) => r.values ?? []);
      const colour = conditionalColours(sheet?.conditionalFormats, (r, c) => effective(grid[r]?.[c]));
      const red = SESSIONS.map((_, i) => Boolean(colour(i + 1, 0)));
      expect(red).toEqual(SESSIONS.map(([, date]) => date === OUTSIDE));
      expect(Boolean(colour(SESSIONS.length + 2, 0))).toBe(false); // an empty row stays white
      expect(digests()).toContain(`amb data ${OUTSIDE}, fora del període`);
      expect(digests()).toContain('abans de l’obertura de la convocatòria: 2023-03-');
    });
  });
});
