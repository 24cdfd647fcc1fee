// Setup's protections name every service account that writes: without writers they only
// warn; a run with writers makes each one enforced with all of them as editors (upgrading
// what an earlier run left as a warning), keeps editors added by hand, and never pairs
// warningOnly with editors (Google does not support it; the emulator refuses it).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { setupWorkspace } from '../../shared/adapters/sheets-setup';
import { workspaceSpec } from '../../shared/workspace/workspace-spec';
import { newSpreadsheet, startSheets, type Harness } from '../support/sheets-harness';

const run = promisify(execFile);
const WRITERS = ['xmess-intake@p.iam.gserviceaccount.com', 'xmess-sweep@p.iam.gserviceaccount.com', 'xmess-forms@p.iam.gserviceaccount.com'];
let h: Harness;
let rootUrl: string;

beforeAll(async () => {
  h = await startSheets();
  rootUrl = `http://127.0.0.1:${h.port}/`;
});
afterAll(() => h.close());

async function protections(spreadsheetId: string) {
  const meta = await h.api.spreadsheets.get({ spreadsheetId, fields: 'sheets(properties(title),protectedRanges)' });
  return (meta.data.sheets ?? []).flatMap((s) => (s.protectedRanges ?? []).map((p) => ({ tab: s.properties?.title, ...p })));
}
const setup = (spreadsheetId: string, writers?: string[], dryRun = false) => setupWorkspace({ spreadsheetId, rootUrl, spec: workspaceSpec(), writers, dryRun });

describe('setup’s protections and the writers', () => {
  test('without writers every protection only warns; with them a re-run enforces each, naming all of them', async () => {
    const id = await newSpreadsheet(h.api);
    await setup(id);
    const warned = await protections(id);
    expect(warned.length).toBeGreaterThan(5);
    for (const p of warned) expect(p).toMatchObject({ warningOnly: true });
    for (const p of warned) expect(p.editors).toBeUndefined();
    expect((await setup(id, [], true)).steps).toEqual([]); // no writers: nothing to upgrade

    const { steps } = await setup(id, WRITERS);
    expect(steps.filter((s) => s.kind === 'enforce')).toHaveLength(warned.length);
    expect(steps.filter((s) => s.kind !== 'enforce')).toEqual([]);
    const enforced = await protections(id);
    expect(enforced.map((p) => p.protectedRangeId)).toEqual(warned.map((p) => p.protectedRangeId)); // upgraded in place
    for (const p of enforced) {
      expect(p.warningOnly, p.description!).toBe(false);
      expect(p.editors?.users).toEqual(WRITERS);
    }
    expect((await setup(id, WRITERS, true)).steps).toEqual([]);
    // A run without writers never turns an enforced protection back into a warning.
    expect((await setup(id, [], true)).steps).toEqual([]);
  });

  test('a new writer joins every protection; editors added by hand stay', async () => {
    const id = await newSpreadsheet(h.api);
    await setup(id, WRITERS.slice(0, 2));
    const [first] = await protections(id);
    const byHand = 'secretaria@xmess.cat';
    await h.api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: { requests: [{ updateProtectedRange: { protectedRange: { protectedRangeId: first!.protectedRangeId, editors: { users: [...WRITERS.slice(0, 2), byHand] } }, fields: 'editors' } }] },
    });
    // Addresses compare case-insensitively: an upper-case spelling is the same account.
    const { steps } = await setup(id, [WRITERS[0]!.toUpperCase(), ...WRITERS.slice(1)]);
    expect(steps.every((s) => s.kind === 'enforce')).toBe(true);
    const after = await protections(id);
    expect(after.find((p) => p.protectedRangeId === first!.protectedRangeId)?.editors?.users).toEqual([...WRITERS.slice(0, 2), byHand, WRITERS[2]]);
    for (const p of after) expect(p.editors?.users).toEqual(expect.arrayContaining(WRITERS));
  });

  test('npm run setup takes --writer repeated or comma-separated, and WRITERS', async () => {
    const env = { ...process.env, GOOGLE_ROOT_URL: rootUrl, LOG_LEVEL: 'silent' };
    const script = ['--import', 'tsx', 'scripts/setup.ts'];
    const a = await newSpreadsheet(h.api);
    const out = await run(process.execPath, [...script, '--spreadsheet', a, '--writer', WRITERS[0]!, '--writer', `${WRITERS[1]},${WRITERS[2]}`], { env });
    expect(out.stdout).toContain(`Comptes que escriuen (editors de les columnes protegides): ${WRITERS.join(', ')}`);
    for (const p of await protections(a)) expect(p.editors?.users).toEqual(WRITERS);

    const b = await newSpreadsheet(h.api);
    await run(process.execPath, [...script, '--spreadsheet', b], { env: { ...env, WRITERS: WRITERS.join(',') } });
    for (const p of await protections(b)) expect(p).toMatchObject({ warningOnly: false, editors: { users: WRITERS } });

    const bad = await run(process.execPath, [...script, '--spreadsheet', b, '--writer', 'not-an-account'], { env }).catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('not-an-account') });
  });
});
