// One thing, one name: the Commission's columns *Mentor/a o assessor/a* and *Contacte de
// la persona mentora* are now *Persona mentora o assessora* and *Contacte de la persona
// mentora o assessora*, as the emails say. A sheet set up by an earlier version keeps
// working before setup runs again, and setup renames the headers in place, keeping what
// the Commission typed, without sending a single correction.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { demoSeed } from '../../emulators/demo';
import { setupWorkspace } from '../../shared/adapters/sheets-setup';
import { COMMISSION_COLUMNS as C, RENAMED_HEADERS } from '../../shared/workspace/commission-columns';
import { columnLetter } from '../../shared/workspace/tabs';
import { workspaceSpec } from '../../shared/workspace/workspace-spec';
import { Commission } from '../support/commission';
import { startTestStack, type TestStack } from '../support/stack';
import { validBody } from '../support/submissions';

let stack: TestStack;
const SHEET = 'local-workspace';
const OLD = Object.keys(RENAMED_HEADERS);
beforeAll(async () => {
  stack = await startTestStack();
}, 60_000);
afterAll(() => stack?.close());

const headerRow = async () => ((await stack.api.spreadsheets.values.get({ spreadsheetId: SHEET, range: "'Sol·licituds'!1:1" })).data.values?.[0] ?? []).map(String);
const decisions = () => stack.sendgrid.messages().map((m) => m.body as { categories?: string[]; subject: string; content: Array<{ value: string }> }).filter((m) => m.categories?.[0] === 'decisio');

test('an earlier version’s headers are read as today’s, then renamed in place by setup', async () => {
  const now = await headerRow();
  expect(OLD.every((h) => !now.includes(h))).toBe(true);
  // The sheet as an earlier version left it.
  await stack.api.spreadsheets.values.batchUpdate({
    spreadsheetId: SHEET,
    requestBody: { valueInputOption: 'RAW', data: OLD.map((old) => ({ range: `'Sol·licituds'!${columnLetter(now.indexOf(RENAMED_HEADERS[old]!))}1`, values: [[old]] })) },
  });
  await stack.post(validBody({ submissionId: 'rn-1' }));
  await new Commission(stack.api).release('rn-1', 'Acceptada', { 'Servei assignat': 'Mentoria', [OLD[0]!]: 'Ajuntament de Celrà', [OLD[1]!]: 'mentoria@celra.example.cat' });

  await fetch(`${stack.url}/sweep`, { method: 'POST' });
  const [acceptance] = decisions();
  expect(acceptance?.content[0]?.value).toContain(`${C.adviser}: Ajuntament de Celrà`);
  expect(acceptance?.content[0]?.value).toContain(`${C.adviserContact}: mentoria@celra.example.cat`);

  const { steps } = await setupWorkspace({ spreadsheetId: SHEET, rootUrl: `${stack.url}/`, spec: workspaceSpec(demoSeed()) });
  expect(steps.filter((s) => s.kind === 'renameHeader' || s.kind === 'addHeaders').map((s) => (s.kind === 'renameHeader' ? [s.from, s.to] : s.kind))).toEqual(OLD.map((o) => [o, RENAMED_HEADERS[o]]));
  expect(await headerRow()).toEqual(now);
  const row = (await stack.api.spreadsheets.values.get({ spreadsheetId: SHEET, range: "'Sol·licituds'!A2:BZ2" })).data.values?.[0] ?? [];
  expect([row[now.indexOf(C.adviser)], row[now.indexOf(C.adviserContact)]]).toEqual(['Ajuntament de Celrà', 'mentoria@celra.example.cat']);
  expect((await setupWorkspace({ spreadsheetId: SHEET, rootUrl: `${stack.url}/`, spec: workspaceSpec(demoSeed()) })).steps).toEqual([]);

  // Same values under the new names: the same version of the decision, nothing to correct.
  await fetch(`${stack.url}/sweep`, { method: 'POST' });
  expect(decisions()).toHaveLength(1);
});
