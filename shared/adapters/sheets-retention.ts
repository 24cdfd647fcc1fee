// The Sheets side of the admin commands that read the tabs holding people (retention,
// faq): the request, review, session, log and evaluation tabs in one values.batchGet; and the
// retention's one write of the planned cells, RAW (a marker is never a formula).
import type { sheets_v4 } from '@googleapis/sheets';
import type { CellChange, Grid } from '../retention/plan';
import { currentHeader } from '../workspace/commission-columns';
import { a1Tab, columnLetter, TABS } from '../workspace/tabs';
import { REVIEWS_TAB, SESSIONS_TAB } from '../workspace/tabs-extra';
import { EVALUATIONS_TAB } from '../workspace/evaluations';
import { retryConfig } from './google-retry';
import { sheetsApi } from './sheets';

export interface RetentionGrids {
  requests: Grid;
  reviews: Grid;
  sessions: Grid;
  log: Grid;
  evaluations: Grid;
}

const TABS_READ = { requests: TABS.requests, reviews: REVIEWS_TAB, sessions: SESSIONS_TAB, log: TABS.log, evaluations: EVALUATIONS_TAB } as const;

export class SheetsRetention {
  private readonly api: sheets_v4.Sheets;

  constructor(private readonly opts: { spreadsheetId: string; rootUrl?: string; retries?: number; retryDelayMs?: number }) {
    this.api = sheetsApi(opts);
  }

  async read(): Promise<RetentionGrids> {
    const names = Object.values(TABS_READ);
    const res = await this.api.spreadsheets.values.batchGet(
      { spreadsheetId: this.opts.spreadsheetId, ranges: names.map(a1Tab), valueRenderOption: 'UNFORMATTED_VALUE' },
      this.retry(),
    );
    const grids = (res.data.valueRanges ?? []).map((v): Grid => {
      const [header = [], ...rows] = v.values ?? [];
      return { header: header.map((h) => currentHeader(String(h ?? ''))), rows };
    });
    const [requests, reviews, sessions, log, evaluations] = names.map((_, i) => grids[i] ?? { header: [], rows: [] });
    return { requests: requests!, reviews: reviews!, sessions: sessions!, log: log!, evaluations: evaluations! };
  }

  /** Writing the same values again changes nothing, so a lost answer may be retried. */
  async write(changes: readonly CellChange[]): Promise<void> {
    if (!changes.length) return;
    await this.api.spreadsheets.values.batchUpdate(
      {
        spreadsheetId: this.opts.spreadsheetId,
        requestBody: {
          valueInputOption: 'RAW',
          data: changes.map((c) => ({ range: `${a1Tab(c.tab)}!${columnLetter(c.column)}${c.row}`, values: [[c.to]] })),
        },
      },
      this.retry(),
    );
  }

  private retry() {
    return retryConfig(this.opts.retries ?? 6, this.opts.retryDelayMs ?? 500, true);
  }
}
