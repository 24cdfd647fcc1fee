// npm run faq -- [--call <CALL_ID>] [--spreadsheet ID]
import { faqCommand } from './faq-command';

const result = await faqCommand(process.argv.slice(2));
(result.code === 0 ? process.stdout : process.stderr).write(`${result.out}\n`);
process.exitCode = result.code;
