// npm start [-- --reset] [-- --locale ca_ES]: the whole system on one local port, no Google
// account needed. --locale: the locale the local spreadsheet is created in (en_US by default).
import { parseArgs } from 'node:util';
import { startLocalStack } from '../emulators/local-stack';
import { caAdmin } from '../shared/i18n/ca-admin';
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
// local-stack always sets both.
process.stdout.write(caAdmin.start.banner(stack.url, stack.functionEnv.INTAKE_SECRET!, stack.functionEnv.SPREADSHEET_ID!));
const stop = () => void stack.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
