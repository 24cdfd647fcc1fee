// `npm run retention` on the local stack: a closed call with requests, a refused
// submission, a decision sent, a review and a session. The dry run and a run before the
// retention date change nothing; the run leaves no name, email, phone or free-text answer
// of that call in any tab, the figures the same, another call untouched, a log entry, and
// a sweep that writes to no one of that call.
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { retentionCommand } from '../../scripts/retention-command';
import { caRetention } from '../../shared/i18n/ca-retention';
import { EVALUATION_QUESTIONS } from '../../shared/domain/evaluation';
import { EVALUATION_HEADERS } from '../../shared/workspace/evaluations';
import { HELPER_COLUMNS } from '../../shared/workspace/request-formulas';
import { Commission } from '../support/commission';
import { readLog, readRequests, receiveOn, startTestStack, type TestStack } from '../support/stack';
import { validBody } from '../support/submissions';

let stack: TestStack;
let env: Record<string, string>;
const SHEET = 'local-workspace';

const A = { submissionId: 'ret-a', contactName: 'Roser Vilaseca Mas', contactRole: 'Tècnica d’ocupació local', contactEmail: 'roser.vilaseca@example.cat', contactPhone: '+34 611 22 33 44', need: 'Necessitat-lliure-A: una cooperativa de consum', involvement: 'Implicació-lliure-A al grup de treball' };
const B = { submissionId: 'ret-b', contactName: 'Pau Ferrer Soler', contactRole: 'Regidor d’economia', contactEmail: 'pau.ferrer@example.cat', contactPhone: '699 88 77 66', expectedImpact: 'Impacte-lliure-B: quinze entitats', preferredDates: 'Dates-lliures-B: dimarts', serviceType: 'advisory', topic: 'Cures' };
const C = { submissionId: 'ret-c', submittedAt: '2020-09-10T10:00:00+02:00', contactName: 'Clara Fonts Riera', contactEmail: 'clara.fonts@example.cat', need: 'Necessitat-lliure-C de setembre' };
const INVALID = { submissionId: 'ret-bad', contactName: 'Persona Refusada Invàlida', contactEmail: 'no-és-un-correu' };
const ADVISER = { 'Persona mentora o assessora': 'Jordi Mentor Cases', 'Contacte de la persona mentora o assessora': 'jordi.mentor@example.cat', 'Missatge al municipi': 'Missatge-lliure: us trucarà el Jordi Mentor Cases' };
const REVIEWER = 'Mireia Avaluadora Pons';

/** Everything personal about call 2020-04 that the test put in. */
const personal = [
  ...Object.entries(A).filter(([k]) => k !== 'submissionId').map(([, v]) => v),
  ...Object.entries(B).filter(([k]) => !['submissionId', 'serviceType', 'topic'].includes(k)).map(([, v]) => v),
  INVALID.contactName,
  INVALID.contactEmail,
  ...Object.values(ADVISER),
  REVIEWER,
  'Comentari-lliure de la valoració',
  'Compartirem-lliure: el model d’ordenança',
  'Comentari-lliure de l’avaluació',
];

async function allTabs(): Promise<Record<string, unknown[][]>> {
  const meta = await stack.api.spreadsheets.get({ spreadsheetId: SHEET, fields: 'sheets(properties(title))' });
  const titles = (meta.data.sheets ?? []).map((s) => s.properties?.title ?? '');
  const res = await stack.api.spreadsheets.values.batchGet({ spreadsheetId: SHEET, ranges: titles.map((t) => `'${t.replace(/'/g, "''")}'`), valueRenderOption: 'FORMATTED_VALUE' });
  return Object.fromEntries(titles.map((t, i) => [t, res.data.valueRanges?.[i]?.values ?? []]));
}
const figures = async () => {
  const tabs = await allTabs();
  const helpers = (await readRequests(stack.api)).map((r) => Object.values(HELPER_COLUMNS).map((h) => r[h]));
  // The evaluations' own summary (counts and averages per call and year) is a figure too.
  const evaluations = (tabs['Avaluacions'] ?? []).map((r) => r.slice(EVALUATION_HEADERS.length));
  return { resum: tabs['Resum'], pools: tabs['Bosses d’hores'], helpers, evaluations };
};
const sweep = async () => (await fetch(`${stack.url}/sweep`, { method: 'POST' })).json();
const mails = () => stack.sendgrid.messages().map((m) => m.body as { subject: string; categories?: string[]; personalizations: Array<{ to: Array<{ email: string }> }>; content: Array<{ value: string }> });

beforeAll(async () => {
  stack = await startTestStack();
  env = { GOOGLE_ROOT_URL: `${stack.url}/`, SPREADSHEET_ID: SHEET };
  // Each received when its body says it was sent: the receipt decides the call.
  for (const body of [A, B, C, INVALID]) {
    receiveOn(String(validBody(body).submittedAt));
    await stack.post(validBody(body));
  }
  vi.useRealTimers();
  const commission = new Commission(stack.api);
  await commission.release('ret-a', 'Acceptada', { 'Servei assignat': 'Mentoria', 'Hores assignades': 4, ...ADVISER });
  await stack.api.spreadsheets.values.batchUpdate({
    spreadsheetId: SHEET,
    requestBody: {
      valueInputOption: 'RAW',
      data: [
        { range: 'Valoracions!A2', values: [[REVIEWER, 'Manresa', 'ret-a', 4, 4, 4, 'Comentari-lliure de la valoració']] },
        { range: 'Sessions!A2', values: [['ret-a', '2020-05-20', 2, 'A distància', `Energia, amb ${A.contactName}`, 'Com es crea una comunitat energètica?', `Escriviu a ${A.contactEmail} o truqueu al ${A.contactPhone}`, 'Ordenança model']] },
      ],
    },
  });
}, 60_000);
afterAll(() => stack?.close());

describe('npm run retention', () => {
  test('the first sweep sends the decision and reminds staff of the calls past their retention date', async () => {
    const before = mails().length;
    // An evaluation answer for the request, filed by the sweep in Avaluacions.
    const [ref, use, impact, share, comments] = EVALUATION_QUESTIONS.map((q) => q.formQuestionId);
    await fetch(`${stack.url}/local/forms/${stack.functionEnv.EVALUATION_FORM_ID}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answers: { [ref!]: ['2020-04-001'], [use!]: ['Molt'], [impact!]: ['Poc'], [share!]: ['Compartirem-lliure: el model d’ordenança'], [comments!]: ['Comentari-lliure de l’avaluació'] } }),
    });
    await sweep();
    const sent = mails().slice(before);
    expect(sent.some((m) => m.categories?.[0] === 'decisio' && m.personalizations[0]!.to[0]!.email === A.contactEmail)).toBe(true);
    const digest = sent.find((m) => m.categories?.[0] === 'resum')?.content[0]?.value ?? '';
    expect(digest).toContain('(2020-04)');
    expect(digest).toContain('npm run retention');
    expect(digest).not.toContain('(2024-CCPR)');
    expect((await readLog(stack.api)).some((e) => e.kind === 'decisio' && String(e.detail).includes('Jordi Mentor Cases'))).toBe(true);
  });

  test('the dry run prints the plan and writes nothing; a run before the retention date refuses', async () => {
    const before = await allTabs();
    const dry = await retentionCommand(['--call', '2020-04', '--dry-run'], env);
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/Simulació: s’anonimitzarien \d+ cel·les/);
    expect(dry.out).toContain(`«${A.contactEmail}» → «${caRetention.marker}»`);
    const early = await retentionCommand(['--call', '2020-04'], env, new Date('2021-06-01T10:00:00Z'));
    expect(early.code).toBe(1);
    expect(early.out).toContain(caRetention.notDue('2023-08-01'));
    expect(await allTabs()).toEqual(before);
  });

  test('leaves no name, email, phone or free-text answer of the call in any tab, and the figures unchanged', async () => {
    const before = await figures();
    const text = JSON.stringify(await allTabs());
    for (const p of personal) expect(text, p).toContain(p);

    const run = await retentionCommand(['--call', '2020-04'], env);
    expect(run.out).toMatch(/Fet: \d+ cel·les/);
    expect(run.code).toBe(0);

    const after = JSON.stringify(await allTabs());
    for (const p of personal) expect(after, p).not.toContain(p);
    // Another call's people are not this command's business.
    for (const p of [C.contactName, C.contactEmail, C.need]) expect(after).toContain(p);
    expect(await figures()).toEqual(before);
    // What the figures count stays: the rows, their call, municipality, decision and hours.
    const a = (await readRequests(stack.api)).find((r) => r.ID === 'ret-a')!;
    expect(a).toMatchObject({ Convocatòria: '2020-04', Decisió: 'Acceptada', 'Servei assignat': 'Mentoria', 'Hores assignades': '4', 'Persona de contacte': caRetention.marker });
    const sessions = (await allTabs())['Sessions']!;
    expect(sessions[1]!.slice(0, 8)).toEqual(['ret-a', '2020-05-20', '2', 'A distància', `Energia, amb ${caRetention.marker}`, 'Com es crea una comunitat energètica?', `Escriviu a ${caRetention.marker} o truqueu al ${caRetention.marker}`, 'Ordenança model']);
    expect((await readLog(stack.api)).filter((e) => e.kind === 'anonimitzada').map((e) => e.key)).toEqual(['anonimitzada:2020-04']);
  });

  test('afterwards: nothing left to do, and the sweep writes to no one of that call', async () => {
    const again = await retentionCommand(['--call', '2020-04'], env);
    expect(again).toMatchObject({ code: 0 });
    expect(again.out).toContain(caRetention.nothing);
    const before = mails().length;
    const logBefore = (await readLog(stack.api)).length;
    await sweep();
    const sent = mails().slice(before);
    // The anonymised row now reads as a new decision version; without the log entry the sweep
    // would try to "correct" it, to an address that is no longer there.
    expect((await readLog(stack.api)).slice(logBefore).filter((e) => e.requestId === 'ret-a' || e.requestId === 'ret-b')).toEqual([]);
    expect(sent.filter((m) => m.categories?.[0] === 'decisio')).toEqual([]);
    expect(JSON.stringify(sent)).not.toContain('(2020-04)');
  });
});
