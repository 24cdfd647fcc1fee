// Shared set-up for the Sheets emulator suites: a plain node:http server on an ephemeral
// port whose handler delegates to the emulator, and the production client pointed at it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sheets } from '@googleapis/sheets';
import type { sheets_v4 } from '@googleapis/sheets';
import { createSheetsEmulator } from '../../emulators/sheets';
import type { SheetsEmulator, SheetsEmulatorOptions } from '../../emulators/sheets';

export interface Harness {
  emulator: SheetsEmulator;
  api: sheets_v4.Sheets;
  port: number;
  close(): Promise<void>;
}

export async function startSheets(opts: SheetsEmulatorOptions = {}): Promise<Harness> {
  const emulator = createSheetsEmulator(opts);
  const server = createServer((req, res) => {
    void emulator.handle(req, res).then((handled) => {
      if (!handled) {
        res.statusCode = 404;
        res.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // retry: false — the client would otherwise retry 429/5xx on GET/PUT by itself, hiding
  // the emulator's answers (and adding calls) from the fault tests.
  const api = sheets({ version: 'v4', rootUrl: `http://127.0.0.1:${port}/`, retry: false });
  return {
    emulator,
    api,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Creates a spreadsheet through the API and returns its id. */
export async function newSpreadsheet(api: sheets_v4.Sheets, title = 'Test', sheetTitles: string[] = []): Promise<string> {
  const res = await api.spreadsheets.create({
    requestBody: {
      properties: { title },
      sheets: sheetTitles.map((t) => ({ properties: { title: t } })),
    },
  });
  return res.data.spreadsheetId as string;
}

/** The error body the client surfaced for a failed call. */
export async function apiError(p: Promise<unknown>): Promise<{ status: number; error: { code: number; message: string; status: string } }> {
  try {
    await p;
  } catch (e) {
    const err = e as { status?: number; response?: { status: number; data: { error: { code: number; message: string; status: string } } } };
    if (err.response) return { status: err.response.status, error: err.response.data.error };
    throw e;
  }
  throw new Error('expected the call to fail');
}
