// The local stack in a process of its own, run as production runs the functions
// (NODE_ENV=production, every log level on), so a test can read everything the process
// prints and how much memory it took. Prints one JSON line with its URL and environment.
import { startLocalStack } from '../../emulators/local-stack';

const stack = await startLocalStack({});
process.stdout.write(`${JSON.stringify({ url: stack.url, functionEnv: stack.functionEnv })}\n`);
