// npm start [-- --reset] [-- --locale ca_ES]: the whole system on one local port, no Google
// account needed. --locale: the locale the local spreadsheet is created in (en_US by default).
import { parseArgs } from 'node:util';
import { startLocalStack } from '../emulators/local-stack';
import { shellEnv } from '../shared/runtime/env';

const env = shellEnv();

const { values } = parseArgs({ options: { reset: { type: 'boolean', default: false }, locale: { type: 'string' } } });
const stack = await startLocalStack({
  port: Number(env.PORT ?? 8080),
  host: env.HOST ?? '127.0.0.1',
  stateDir: '.local',
  reset: values.reset,
  locale: values.locale,
});
process.stdout.write(
  [
    `XMESS local a ${stack.url}`,
    `  Pàgina:          ${stack.url}/`,
    `  Intake (POST):   ${stack.url}/intake   secret: ${stack.functionEnv.INTAKE_SECRET}`,
    `  Sheets API:      ${stack.url}/v4/spreadsheets/${stack.functionEnv.SPREADSHEET_ID}`,
    `  Correus:         ${stack.url}/outbox`,
    `  Estat desat a .local/ (npm start -- --reset per començar de nou)`,
    `  Entorn de les funcions: .local/functions.env (per engegar-ne una altra instància: vegeu el README)`,
    '',
  ].join('\n'),
);
const stop = () => void stack.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
