// npm run retention -- --call <CALL_ID> [--dry-run] [--spreadsheet ID]
// Anonymises a closed call's personal data after its retention period (see retention-command.ts).
import { retentionCommand } from './retention-command';

const result = await retentionCommand(process.argv.slice(2));
(result.code === 0 ? process.stdout : process.stderr).write(`${result.out}\n`);
process.exitCode = result.code;
