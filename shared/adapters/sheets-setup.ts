// Setup's side of the Sheets adapter: read what the workspace holds, apply a plan.
// (Intake's side is sheets.ts; both go through its client factory.)
import type { sheets_v4 } from '@googleapis/sheets';
import { planSetup, type CurrentTab, type SetupStep, type TabSpec } from '../workspace/setup-plan';
import { a1Tab, columnLetter } from '../workspace/tabs';
import { sheetsApi } from './sheets';

export async function readWorkspaceShape(api: sheets_v4.Sheets, spreadsheetId: string): Promise<Map<string, CurrentTab>> {
  const meta = await api.spreadsheets.get({ spreadsheetId, fields: 'sheets(properties(title))' });
  const titles = (meta.data.sheets ?? []).map((s) => s.properties?.title ?? '');
  if (!titles.length) return new Map();
  const res = await api.spreadsheets.values.batchGet({
    spreadsheetId,
    ranges: titles.flatMap((t) => [`${a1Tab(t)}!1:1`, `${a1Tab(t)}!A2:Z3`]),
  });
  const ranges = res.data.valueRanges ?? [];
  return new Map(
    titles.map((t, i) => {
      const header = (ranges[2 * i]?.values?.[0] ?? []).map((v) => String(v ?? ''));
      const hasData = (ranges[2 * i + 1]?.values ?? []).some((r) => r.some((v) => v !== '' && v !== null));
      return [t, { header, hasData }];
    }),
  );
}

export interface SetupResult {
  steps: SetupStep[];
}

export async function setupWorkspace(opts: {
  spreadsheetId: string;
  rootUrl?: string;
  spec: TabSpec[];
  dryRun?: boolean;
}): Promise<SetupResult> {
  const api = sheetsApi(opts);
  const current = await readWorkspaceShape(api, opts.spreadsheetId);
  const steps = planSetup(opts.spec, current);
  if (opts.dryRun || !steps.length) return { steps };

  const addTabs = steps.filter((s) => s.kind === 'addTab');
  if (addTabs.length) {
    await api.spreadsheets.batchUpdate({
      spreadsheetId: opts.spreadsheetId,
      requestBody: {
        requests: addTabs.map((s) => ({
          addSheet: { properties: { title: s.title, gridProperties: { frozenRowCount: 1 } } },
        })),
      },
    });
  }
  const data: sheets_v4.Schema$ValueRange[] = [];
  const configData: sheets_v4.Schema$ValueRange[] = [];
  for (const s of steps) {
    if (s.kind === 'addHeaders') {
      const from = columnLetter(s.startColumn);
      const to = columnLetter(s.startColumn + s.headers.length - 1);
      data.push({ range: `${a1Tab(s.title)}!${from}1:${to}1`, values: [s.headers] });
    } else if (s.kind === 'seed') {
      configData.push({ range: `${a1Tab(s.title)}!A2`, values: s.rows.map((r) => [...r]) });
    }
  }
  // Headers are text, whatever they look like. Seed rows are our own constants, entered as a
  // person would type them so dates become dates.
  if (data.length) {
    await api.spreadsheets.values.batchUpdate({
      spreadsheetId: opts.spreadsheetId,
      requestBody: { valueInputOption: 'RAW', data },
    });
  }
  if (configData.length) {
    await api.spreadsheets.values.batchUpdate({
      spreadsheetId: opts.spreadsheetId,
      requestBody: { valueInputOption: 'USER_ENTERED', data: configData },
    });
  }
  return { steps };
}
