// npm run setup -- --spreadsheet <ID> [--dry-run]
// Creates or upgrades the Commission's workspace in an existing spreadsheet (share it with
// the service account first). With GOOGLE_ROOT_URL set it works on the local emulator.
import { parseArgs } from 'node:util';
import { setupWorkspace } from '../shared/adapters/sheets-setup';
import { shellEnv } from '../shared/runtime/env';
import { describeStep } from '../shared/workspace/setup-plan';
import { workspaceSpec } from '../shared/workspace/workspace-spec';

const { values } = parseArgs({
  options: {
    spreadsheet: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    // The functions' service account e-mail: machine columns become editable by it alone.
    writer: { type: 'string' },
  },
});
const env = shellEnv();
const spreadsheetId = values.spreadsheet ?? env.SPREADSHEET_ID;
if (!spreadsheetId) {
  process.stderr.write('Cal indicar el full: npm run setup -- --spreadsheet <ID> (o SPREADSHEET_ID)\n');
  process.exit(2);
}
const dryRun = values['dry-run'];
const { steps } = await setupWorkspace({ spreadsheetId, rootUrl: env.GOOGLE_ROOT_URL, spec: workspaceSpec(), dryRun, writer: values.writer });
process.stdout.write(
  steps.length
    ? `${dryRun ? 'Canvis previstos (no s’ha escrit res)' : 'Canvis fets'}:\n${steps.map((s) => `- ${describeStep(s)}`).join('\n')}\n`
    : 'El full ja està al dia: cap canvi.\n',
);
