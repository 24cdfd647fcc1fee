// Loads a large, settled workspace in a handful of big Sheets calls rather than thousands
// of intakes: a call of its own with pools exactly used up, N requests (written by the
// production adapter, helper formulas included), every one decided and released, all but
// the last `pending` already sent per the log, plus reviews and sessions typed in bulk.
// A sweep over it then has exactly `pending` emails to send and nothing to report.
import type { sheets_v4 } from '@googleapis/sheets';
import { SheetsWorkspace } from '../shared/adapters/sheets';
import type { ClassifiedRequest } from '../shared/domain/classify';
import { fingerprint, type DecisionValues } from '../shared/domain/decisions';
import { parseSubmission } from '../shared/domain/schema';
import { localStamp } from '../shared/domain/dates';
import { parseCalls } from '../shared/workspace/config-rows';
import { HELPER_COLUMNS } from '../shared/workspace/request-formulas';
import { requestRow } from '../shared/workspace/request-row';
import { reviewFormulas, sessionFormulas } from '../shared/workspace/tab-formulas';
import { a1Tab, columnLetter, TABS } from '../shared/workspace/tabs';
import { PREPARED_ROWS, REVIEWS_TAB, SESSIONS_TAB } from '../shared/workspace/tabs-extra';
import type { LogEntry } from '../shared/domain/log-entry';
import { DEMO_MEMBERS } from '../emulators/demo';
import { validBody } from '../tests/support/submissions';

const SPREADSHEET = 'local-workspace';
const CALL = ['BENCH', 'Convocatòria de mesura', '2030-01-01', '2030-12-31', '2030-01-01', '2030-12-31', '2029-01-01', 'Transició ecosocial', 4, 2, 'Energia; Cures'];
const SERVICES = ['Mentoria', 'Assessorament especialitzat'] as const;

function decisionOf(i: number, pending: boolean): DecisionValues {
  const slot = i % 10;
  // The requests still to send are refusals: an acceptance would need pool hours not there.
  if (!pending && slot < 3) return { decision: 'Acceptada', service: SERVICES[i % 2]!, hours: '', adviser: '', adviserContact: '', message: '', redirectedTo: '' };
  if (slot >= 6 && slot < 8 && !pending) return { decision: 'Derivada', service: '', hours: '', adviser: '', adviserContact: '', message: '', redirectedTo: 'Banc de recursos' };
  if (slot >= 8 && !pending) return { decision: 'Llista d’espera', service: '', hours: '', adviser: '', adviserContact: '', message: '', redirectedTo: '' };
  return { decision: 'Denegada', service: '', hours: '', adviser: '', adviserContact: '', message: '', redirectedTo: '' };
}

export async function loadWorkspace(api: sheets_v4.Sheets, rootUrl: string, n: number, pending: number): Promise<void> {
  const at = new Date('2030-03-02T10:00:00+01:00');
  const stamp = localStamp(at);
  const ids = Array.from({ length: n }, (_, i) => `bench-${i}`);
  const decisions = ids.map((_, i) => decisionOf(i, i >= n - pending));
  const accepted = (service: string) => decisions.filter((d) => d.decision === 'Acceptada' && d.service === service).length * 4;

  // The call and its pools, at the first free rows (pool rows have helper formulas there).
  const firstFree = async (tab: string) => ((await api.spreadsheets.values.get({ spreadsheetId: SPREADSHEET, range: `${a1Tab(tab)}!A:A` })).data.values?.length ?? 0) + 1;
  const callRow = await firstFree(TABS.calls);
  const poolRow = await firstFree(TABS.pools);
  await api.spreadsheets.values.batchUpdate({
    spreadsheetId: SPREADSHEET,
    requestBody: {
      valueInputOption: 'RAW',
      data: [
        { range: `${a1Tab(TABS.calls)}!A${callRow}`, values: [CALL] },
        { range: `${a1Tab(TABS.pools)}!A${poolRow}`, values: SERVICES.map((s) => ['BENCH', s, accepted(s)]) },
      ],
    },
  });

  // The rows, through the production adapter: one write with every row and its log. Built
  // before the adapter's read, so no long pause lets a kept-alive connection go stale.
  const call = parseCalls([CALL])[0]!;
  const members = DEMO_MEMBERS.map((m) => ({ name: String(m[0]), type: m[1] as 'Ajuntament', county: String(m[2]), active: true }));
  const rows = ids.map((id, i) => {
    const parsed = parseSubmission(validBody({ submissionId: id, submittedAt: at.toISOString(), contactEmail: `${id}@example.cat`, municipality: members[i % members.length]!.name, topic: 'Energia' }));
    if (!parsed.ok) throw new Error(`bench body ${id} is invalid`);
    const r: ClassifiedRequest = { submission: parsed.value, receivedAt: at.toISOString(), clockSkew: false, reference: `BENCH-${String(i + 1).padStart(5, '0')}`, call, member: members[i % members.length], recentMember: false, early: false, flags: [] };
    return requestRow(r, at);
  });
  const log: LogEntry[] = ids.flatMap((id, i) => [
    { requestId: id, at: stamp, kind: 'rebuda', state: 'registrat', key: `rebuda:${id}`, detail: `BENCH-${i + 1}` },
    { requestId: id, at: stamp, kind: 'confirmacio', state: 'enviat', key: `confirmacio:${id}`, detail: 'missatge bench' },
    ...(i < n - pending ? [{ requestId: id, at: stamp, kind: 'decisio', state: 'enviat', key: `decisio:${id}:${fingerprint(decisions[i]!)}`, detail: JSON.stringify(decisions[i]) } as LogEntry] : []),
  ]);
  const store = new SheetsWorkspace({ spreadsheetId: SPREADSHEET, rootUrl });
  await store.readIntakeSnapshot();
  await store.appendRequests(rows, log);

  // The Commission's columns, a column at a time; reviews and sessions typed in bulk.
  const header = ((await api.spreadsheets.values.get({ spreadsheetId: SPREADSHEET, range: `${a1Tab(TABS.requests)}!1:1` })).data.values?.[0] ?? []).map(String);
  const letter = (h: string) => columnLetter(header.indexOf(h));
  const column = (h: string, values: unknown[]) => ({ range: `${a1Tab(TABS.requests)}!${letter(h)}2:${letter(h)}${n + 1}`, values: values.map((v) => [v]) });
  const reviews = ids.filter((_, i) => i % 5 === 0).map((id, k) => ['Persona avaluadora', DEMO_MEMBERS[k % DEMO_MEMBERS.length]![0], id, k % 6, (k + 2) % 6, (k + 4) % 6, 'Bona proposta', ...(k + 2 > PREPARED_ROWS ? reviewFormulas(k + 2, letter) : [])]);
  const sessions = ids.filter((_, i) => decisions[i]!.decision === 'Acceptada').slice(0, Math.ceil(n / 10))
    .map((id, k) => [id, '2030-04-01', 2, 'A distància', 'Comunitat energètica', '', '', '', ...(k + 2 > PREPARED_ROWS ? sessionFormulas(k + 2, letter) : [])]);
  if (header.indexOf(HELPER_COLUMNS.notification) < 0) throw new Error('the request tab has no helper columns: setup did not run');
  // values.update does not grow a tab (Google neither): add the rows first.
  const tabs = (await api.spreadsheets.get({ spreadsheetId: SPREADSHEET, fields: 'sheets.properties(sheetId,title,gridProperties.rowCount)' })).data.sheets ?? [];
  const grow = [[REVIEWS_TAB, reviews.length], [SESSIONS_TAB, sessions.length]].flatMap(([title, count]) => {
    const p = tabs.find((t) => t.properties?.title === title)?.properties;
    const missing = Number(count) + 1 - (p?.gridProperties?.rowCount ?? 0);
    return missing > 0 ? [{ appendDimension: { sheetId: p?.sheetId ?? 0, dimension: 'ROWS', length: missing } }] : [];
  });
  if (grow.length) await api.spreadsheets.batchUpdate({ spreadsheetId: SPREADSHEET, requestBody: { requests: grow } });
  await api.spreadsheets.values.batchUpdate({
    spreadsheetId: SPREADSHEET,
    requestBody: {
      valueInputOption: 'USER_ENTERED',
      data: [
        column('Decisió', decisions.map((d) => d.decision)),
        column('Servei assignat', decisions.map((d) => d.service)),
        column('Derivada a', decisions.map((d) => d.redirectedTo)),
        column('Punt. Necessitat i impacte', ids.map((_, i) => i % 6)),
        column('Enviar decisió', ids.map(() => true)),
        { range: `${a1Tab(REVIEWS_TAB)}!A2`, values: reviews },
        { range: `${a1Tab(SESSIONS_TAB)}!A2`, values: sessions },
      ],
    },
  });
}
