// Functions as separate OS processes, the way Cloud Run runs instances: the built bundles
// served by the Functions Framework's own CLI, with the environment `npm start` writes to
// functions.env. A build is reused while it is newer than every source it comes from.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { FUNCTION_TARGETS } from '../../scripts/function-targets';

const run = promisify(execFile);
export const root = fileURLToPath(new URL('../..', import.meta.url));
const FRAMEWORK_MAIN = join(root, 'node_modules/@google-cloud/functions-framework/build/src/main.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** dist/ as `npm run build` leaves it, rebuilt only if a source changed since. */
export async function freshBundles(): Promise<string> {
  const dist = join(root, 'dist');
  const sources = Math.max(newestSource(join(root, 'shared')), newestSource(join(root, 'functions')), statSync(join(root, 'scripts/build.ts')).mtimeMs);
  const built = FUNCTION_TARGETS.map((t) => join(dist, t.target, 'index.js'));
  if (built.every((f) => existsSync(f) && statSync(f).mtimeMs > sources)) return dist;
  await run(process.execPath, [join(root, 'node_modules/.bin/tsx'), 'scripts/build.ts', '--outdir', dist], { cwd: root });
  return dist;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function waitForServer(url: string, timeoutMs = 20_000): Promise<Response> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fetch(url);
    } catch (e) {
      if (Date.now() > until) throw e;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export interface FunctionProcess {
  url: string;
  child: ChildProcess;
  logs(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * `node --env-file=<envFile> …/functions-framework/build/src/main.js --target=… --source=…`,
 * as the README tells a developer. `env` adds to the shell's; the file wins over neither
 * (Node keeps a variable already set), so a test can shorten LEASE_SECONDS for one process.
 */
export async function startFunction(o: { dist: string; target: string; envFile: string; env?: Record<string, string> }): Promise<FunctionProcess> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [`--env-file=${o.envFile}`, FRAMEWORK_MAIN, `--target=${o.target}`, `--source=${join(o.dist, o.target)}`, `--port=${port}`],
    { cwd: root, env: { PATH: process.env.PATH, LOG_LEVEL: 'SILENT', NODE_ENV: 'production', ...o.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let logs = '';
  child.stdout?.on('data', (d) => (logs += d));
  child.stderr?.on('data', (d) => (logs += d));
  const url = `http://127.0.0.1:${port}/`;
  await waitForServer(url);
  return {
    url,
    child,
    logs: () => logs,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}
