// `npm run faq -- [--call ID]`: the FAQ and good practices of the sessions, by call and
// thematic area, without people's names, as Markdown on the standard output.
import { parseArgs } from 'node:util';
import { SheetsRetention } from '../shared/adapters/sheets-retention';
import { SheetsWorkspace } from '../shared/adapters/sheets';
import { gatherLearning } from '../shared/faq/gather';
import { learningMarkdown } from '../shared/faq/markdown';
import { ca } from '../shared/i18n/ca';
import { caFaq as t } from '../shared/i18n/ca-faq';
import { shellEnv, type Env } from '../shared/runtime/env';

export async function faqCommand(argv: string[], env: Env = shellEnv()): Promise<{ code: number; out: string }> {
  const { values } = parseArgs({ args: argv, options: { call: { type: 'string' }, spreadsheet: { type: 'string' } } });
  const spreadsheetId = values.spreadsheet ?? (env.SPREADSHEET_ID || undefined);
  if (!spreadsheetId) return { code: 2, out: `${t.needSpreadsheet}\n${t.usage}` };
  const rootUrl = env.GOOGLE_ROOT_URL || undefined;
  const { calls } = await new SheetsWorkspace({ spreadsheetId, rootUrl }).readSweepState();
  if (values.call && !calls.some((c) => c.id === values.call)) return { code: 1, out: t.unknownCall(values.call) };
  const grids = await new SheetsRetention({ spreadsheetId, rootUrl }).read();
  return { code: 0, out: learningMarkdown(gatherLearning({ calls, callId: values.call, ...grids, otherTopic: ca.choices.topicOther })) };
}
