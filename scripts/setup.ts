// npm run setup -- --spreadsheet <ID> [--writer EMAIL]… [--dry-run]
// Creates or upgrades the Commission's workspace in an existing spreadsheet (share it with
// the service accounts first). With GOOGLE_ROOT_URL set it works on the local emulator.
import { parseArgs } from 'node:util';
import { setupWorkspace } from '../shared/adapters/sheets-setup';
import { caAdmin } from '../shared/i18n/ca-admin';
import { isEmail, splitList } from '../shared/runtime/config';
import { shellEnv } from '../shared/runtime/env';
import { describeStep } from '../shared/workspace/setup-describe';
import { workspaceSpec } from '../shared/workspace/workspace-spec';

const { values } = parseArgs({
  options: {
    spreadsheet: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    // Every service account that writes (npm run deploy prints them): machine columns become
    // editable by them alone. Repeatable, or comma-separated; WRITERS in the environment too.
    writer: { type: 'string', multiple: true, default: [] },
  },
});
const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(2);
};
const env = shellEnv();
const spreadsheetId = values.spreadsheet ?? env.SPREADSHEET_ID;
if (!spreadsheetId) fail(caAdmin.setup.needSpreadsheet);
const given = values.writer.length ? values.writer : [env.WRITERS ?? ''];
const writers = [...new Map(given.flatMap(splitList).map((w) => [w.toLowerCase(), w])).values()];
const notEmail = writers.filter((w) => !isEmail(w));
if (notEmail.length) fail(caAdmin.setup.notAccounts(notEmail));
const dryRun = values['dry-run'];
const { steps } = await setupWorkspace({ spreadsheetId: spreadsheetId!, rootUrl: env.GOOGLE_ROOT_URL, spec: workspaceSpec(), dryRun, writers });
process.stdout.write(
  `${writers.length ? caAdmin.setup.writers(writers) : caAdmin.setup.noWriters}\n` +
    (steps.length
      ? `${caAdmin.setup.changes(dryRun)}:\n${steps.map((s) => `- ${describeStep(s)}`).join('\n')}\n`
      : `${caAdmin.setup.upToDate}\n`),
);
