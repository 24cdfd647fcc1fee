// Plays the Technical Commission: types into its own columns through the Sheets API, as a
// person's edit would arrive.
import type { sheets_v4 } from '@googleapis/sheets';
import { columnLetter } from '../../shared/workspace/tabs';

export class Commission {
  private header: string[] = [];
  private rows = new Map<string, number>();

  constructor(private readonly api: sheets_v4.Sheets, private readonly spreadsheetId = 'local-workspace') {}

  async refresh(): Promise<void> {
    const res = await this.api.spreadsheets.values.get({ spreadsheetId: this.spreadsheetId, range: "'Sol·licituds'!A:A" });
    const head = await this.api.spreadsheets.values.get({ spreadsheetId: this.spreadsheetId, range: "'Sol·licituds'!1:1" });
    this.header = (head.data.values?.[0] ?? []).map(String);
    this.rows = new Map((res.data.values ?? []).slice(1).map((r, i) => [String(r[0] ?? ''), i + 2]));
  }

  cell(id: string, header: string): string {
    const row = this.rows.get(id);
    const col = this.header.indexOf(header);
    if (!row || col < 0) throw new Error(`no cell for ${id} / ${header}`);
    return `'Sol·licituds'!${columnLetter(col)}${row}`;
  }

  async type(id: string, values: Record<string, unknown>): Promise<void> {
    if (!this.rows.has(id)) await this.refresh();
    await this.api.spreadsheets.values.batchUpdate({
      spreadsheetId: this.spreadsheetId,
      requestBody: {
        valueInputOption: 'USER_ENTERED',
        data: Object.entries(values).map(([h, v]) => ({ range: this.cell(id, h), values: [[v]] })),
      },
    });
  }

  /** A meeting's worth of edits to many rows, in one write. */
  async typeAll(edits: ReadonlyArray<readonly [string, Record<string, unknown>]>): Promise<void> {
    await this.refresh();
    await this.api.spreadsheets.values.batchUpdate({
      spreadsheetId: this.spreadsheetId,
      requestBody: {
        valueInputOption: 'USER_ENTERED',
        data: edits.flatMap(([id, values]) => Object.entries(values).map(([h, v]) => ({ range: this.cell(id, h), values: [[v]] }))),
      },
    });
  }

  /** Decide and tick "Enviar decisió". */
  async release(id: string, decision: string, extra: Record<string, unknown> = {}): Promise<void> {
    await this.type(id, { Decisió: decision, ...extra, 'Enviar decisió': true });
  }
}
