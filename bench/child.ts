// Each experiment runs in a fresh Node process: the local stack is one per process (the
// functions read their configuration once), and a 10,000-row workspace should not share
// a heap with the next figure. The child prints its result as JSON on its last line.
import { spawn } from 'node:child_process';
import { shellEnv } from '../shared/runtime/env';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TSX = join(root, 'node_modules/tsx/dist/cli.mjs');

export function runChild<T>(file: string, args: string[] = [], timeoutMs = 20 * 60_000): Promise<T> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [TSX, join(root, 'bench', file), ...args], {
      cwd: root,
      env: { ...shellEnv(), LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && last.startsWith('{')) return done(JSON.parse(last) as T);
      fail(new Error(`bench/${file} ${signal ? `killed (${signal}) after ${timeoutMs / 1000} s` : `exited ${code}`}\n${err.slice(-2000)}`));
    });
  });
}

/** True when this module is the process's entry point (run as a child). */
export const isMain = (metaUrl: string): boolean => process.argv[1] !== undefined && metaUrl === pathToFileURL(resolve(process.argv[1])).href;

/** The child side: run, print the JSON result last, and exit (the stack's server stays open otherwise). */
export async function serve(run: () => Promise<unknown>): Promise<void> {
  try {
    process.stdout.write(`\n${JSON.stringify(await run())}\n`);
    process.exit(0);
  } catch (e) {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  }
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
