// npm run form -- create|update|relay [--spreadsheet ID] [--form ID] [--call CALL_ID]
// Needs Google credentials allowed to edit forms (see README), or GOOGLE_ROOT_URL locally.
import { formCommand } from './form-command';

const result = await formCommand(process.argv.slice(2));
(result.code === 0 ? process.stdout : process.stderr).write(`${result.out}\n`);
process.exitCode = result.code;
