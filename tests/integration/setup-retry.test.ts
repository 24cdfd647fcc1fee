// Setup's writes under the functions' retry policy: a write answered 503 after it was
// applied is not repeated blindly; setup reads the workspace again and does what is left.
import { afterEach, expect, test } from 'vitest';
import { setupWorkspace } from '../../shared/adapters/sheets-setup';
import { workspaceSpec } from '../../shared/workspace/workspace-spec';
import { demoSeed } from '../../emulators/demo';
import { startSheets, type Harness } from '../support/sheets-harness';

let h: Harness | undefined;
afterEach(() => h?.close());

/** `random` for the emulator: the given draws in order, then no fault. */
const draws = (...values: number[]) => () => values.shift() ?? 0.99;

test.each([
  ['the first write (tabs added) answers 503 after it was applied', [0.1]],
  ['the first three writes do', [0.1, 0.1, 0.1]],
])('%s: setup completes, each tab once', async (_label, failures) => {
  const spec = workspaceSpec(demoSeed());
  const clean = await startSheets();
  clean.emulator.ensureSpreadsheet('ws', 'clean');
  await setupWorkspace({ spreadsheetId: 'ws', rootUrl: `http://127.0.0.1:${clean.port}/`, spec });
  const want = (await clean.api.spreadsheets.get({ spreadsheetId: 'ws', fields: 'sheets(properties(title))' })).data.sheets;
  await clean.close();

  h = await startSheets({ failAfterApplyRate: 0.5, random: draws(...failures) });
  h.emulator.ensureSpreadsheet('ws', 'faulty');
  await setupWorkspace({ spreadsheetId: 'ws', rootUrl: `http://127.0.0.1:${h.port}/`, spec, retryDelayMs: 1 });
  const got = (await h.api.spreadsheets.get({ spreadsheetId: 'ws', fields: 'sheets(properties(title))' })).data.sheets;
  expect(got).toEqual(want);
  // Run again: nothing left to do, so the faulty run did all of it.
  expect((await setupWorkspace({ spreadsheetId: 'ws', rootUrl: `http://127.0.0.1:${h.port}/`, spec, dryRun: true })).steps).toEqual([]);
});
