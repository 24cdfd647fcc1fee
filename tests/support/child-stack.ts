// Spawns tests/support/hostile-child.ts and keeps every byte it prints. The memory figure
// is the kernel's own high-water mark for that process (VmHWM), so no sample is missed.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shellEnv } from '../../shared/runtime/env';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface ChildStack {
  url: string;
  functionEnv: Record<string, string>;
  /** stdout and stderr so far, interleaved as read. */
  printed(): string;
  /** Peak resident memory of the child, in bytes. */
  peakRss(): number;
  close(): void;
}

export function startChildStack(env: Record<string, string> = {}): Promise<ChildStack> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(root, 'tests/support/hostile-child.ts')], {
    cwd: root,
    env: { ...shellEnv(), NODE_ENV: 'production', LOG_LEVEL: 'debug', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  return new Promise((done, fail) => {
    const onData = (d: Buffer) => {
      printed += d.toString();
      const line = printed.split('\n').find((l) => l.startsWith('{"url"'));
      if (!line || ready) return;
      ready = true;
      const { url, functionEnv } = JSON.parse(line) as { url: string; functionEnv: Record<string, string> };
      done({
        url,
        functionEnv,
        printed: () => printed,
        peakRss: () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) * 1024,
        close: () => void child.kill('SIGKILL'),
      });
    };
    let ready = false;
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => ready || fail(new Error(`child stack exited ${code}\n${printed.slice(-2000)}`)));
  });
}
