// What the yearly-report and placement suites do on the local stack: read the sink's emails
// by recipient and kind, read and type cells as people would (USER_ENTERED), run the sweep.
import { expect } from 'vitest';
import type { TestStack } from './stack';

const SHEET = 'local-workspace';

export interface Mail {
  subject: string;
  personalizations: Array<{ to: Array<{ email: string }> }>;
  custom_args?: Record<string, string>;
  content: Array<{ type: string; value: string }>;
}

export function workspaceTools(stack: () => TestStack) {
  const all = () => stack().sendgrid.messages().map((m) => m.body as Mail);
  return {
    all,
    mails: (to: string, kind?: string) => all().filter((m) => (kind === undefined || m.custom_args?.kind === kind) && m.personalizations[0]?.to[0]?.email === to),
    text: (m: Mail | undefined) => m?.content.find((c) => c.type === 'text/plain')?.value ?? '',
    values: async (range: string) =>
      (await stack().api.spreadsheets.values.get({ spreadsheetId: SHEET, range, valueRenderOption: 'UNFORMATTED_VALUE' })).data.values ?? [],
    put: (range: string, rows: unknown[][]) =>
      stack().api.spreadsheets.values.update({ spreadsheetId: SHEET, range, valueInputOption: 'USER_ENTERED', requestBody: { values: rows } }),
    sweep: async () => expect((await fetch(`${stack().url}/sweep`, { method: 'POST' })).status).toBe(200),
  };
}
