// Cold start: each function bundle served by the Functions Framework's own CLI, as Cloud
// Functions serves it, timed from spawn until its first real request is answered (the
// port is polled with that request), against a hello-world bundle served the same way.
// Runs are interleaved (hello, intake, sweep, formResponses, hello, …) so drift in the
// machine's load affects every target alike. Two more figures say where the time goes:
// "ready", a fresh instance's first answer to a GET, which loads no adapter (framework and
// bundle only); "warm", the real request again on the same instance (its own cost); hello
// answering the intake's JSON POST (the framework's body parser, which a GET never loads); and
// the parts of the difference, each import timed alone (bench/startup-parts.ts). The bundles
// are timed from a copy in another folder, as Cloud Functions serves what it built
// elsewhere: anything shipped with a bundle (a compile cache) must survive the move.
import { spawn, type ChildProcess } from 'node:child_process';
import { shellEnv } from '../shared/runtime/env';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sign } from '../shared/domain/signature';
import { startTestStack, type TestStack } from '../tests/support/stack';
import { validBody } from '../tests/support/submissions';
import { isMain, median, root, serve } from './child';
import { partsOf, sampleParts, writeProbe, type PartsSample } from './startup-parts';
import { freePort } from '../tests/support/processes';

const FRAMEWORK_MAIN = join(root, 'node_modules/@google-cloud/functions-framework/build/src/main.js');

export interface ColdStartResult {
  runs: number;
  /** Node's own start and the framework's import, medians over every target's samples. */
  bootMs: number;
  frameworkMs: number;
  /** Hello's spawn → answer to the intake's JSON POST: the framework's first body parse on top of hello's GET. */
  helloJsonMs: number;
  /** Median ms from spawn to the first real answer, and of the same request warm. */
  targets: Array<{
    target: string;
    coldMs: number;
    warmMs: number;
    readyMs: number;
    status: number;
    /** cold / hello, and (cold − warm) / hello: what starting costs beyond the request itself. */
    ratio: number;
    startRatio: number;
    /** Medians: the bundle's top level, then each lazily loaded part in the order the request needs it. */
    topLevelMs?: number;
    parts?: Array<{ label: string; ms: number }>;
  }>;
}

/** The floor: a function that only answers. */
export function writeHelloBundle(dist: string): string {
  const dir = join(dist, 'hello');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'hello', private: true, type: 'module', main: 'index.js' }));
  writeFileSync(join(dir, 'index.js'), "import * as functions from '@google-cloud/functions-framework';\nfunctions.http('hello', (req, res) => { res.send('hello'); });\n");
  return dir;
}

type Probe = () => Promise<Response>;

/** The first real request of each target, against the local stack. */
function probes(stack: TestStack, port: number, n: number): Record<string, Probe> {
  const url = `http://127.0.0.1:${port}/`;
  const formId = stack.functionEnv.FORM_ID ?? '';
  return {
    hello: () => fetch(url),
    intake: () => {
      const raw = JSON.stringify(validBody({ submissionId: `cold-${n}-${Math.random().toString(36).slice(2, 8)}`, contactEmail: `cold-${n}@example.cat` }));
      return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': sign(stack.functionEnv.INTAKE_SECRET!, raw) }, body: raw });
    },
    sweep: () => fetch(url, { method: 'POST' }),
    formResponses: () =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'ce-id': `cold-${n}-${Date.now()}`, 'ce-source': '//pubsub.googleapis.com/projects/xmess-local/topics/forms-responses', 'ce-type': 'google.cloud.pubsub.topic.v1.messagePublished', 'ce-specversion': '1.0' },
        body: JSON.stringify({ message: { attributes: { formId, eventType: 'RESPONSES' }, messageId: `m-${n}` } }),
      }),
  };
}


/**
 * The local Sheets engine recalculates lazily, on the first read after a write: left alone,
 * one request would pay for the formulas its predecessor's append made dirty (and the warm
 * request for the cold one's). Google recalculates on its own servers; here a read of the
 * summary's formulas, before each timed request and outside its time, pays that bill.
 */
async function settle(stack: TestStack): Promise<void> {
  await stack.api.spreadsheets.values.get({ spreadsheetId: 'local-workspace', range: 'Resum' });
}

/** real: the target's own first request; ready: a GET; json: the intake's signed JSON POST (for hello). */
async function once(stack: TestStack, dir: string, target: string, n: number, env: NodeJS.ProcessEnv, kind: 'real' | 'ready' | 'json' = 'real') {
  const port = await freePort();
  const probe = kind === 'ready' ? () => fetch(`http://127.0.0.1:${port}/`) : probes(stack, port, n)[kind === 'json' ? 'intake' : target]!;
  await settle(stack);
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [FRAMEWORK_MAIN, `--target=${target}`, `--source=${dir}`, `--port=${port}`], { cwd: dir, env, stdio: 'ignore' });
  try {
    for (;;) {
      try {
        const res = await probe();
        await res.arrayBuffer();
        const coldMs = performance.now() - started;
        await settle(stack);
        const warmStart = performance.now();
        await (await probe()).arrayBuffer();
        return { coldMs, warmMs: performance.now() - warmStart, status: res.status };
      } catch {
        if (performance.now() - started > 30_000) throw new Error(`${target} did not answer within 30 s`);
        await new Promise((r) => setTimeout(r, 5));
      }
    }
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}

export async function coldStart(built: string, targets: string[], runs: number): Promise<ColdStartResult> {
  const dist = join(dirname(built), 'served');
  cpSync(built, dist, { recursive: true });
  const stack = await startTestStack();
  const env = { ...shellEnv(), ...stack.functionEnv, NODE_ENV: 'production', LOG_LEVEL: 'SILENT' };
  const dirs: Record<string, string> = { hello: writeHelloBundle(dist), ...Object.fromEntries(targets.map((t) => [t, join(dist, t)])) };
  const probe = writeProbe(dist);
  const parts = new Map(targets.map((t) => [t, [] as PartsSample[]]));
  const order = ['hello', ...targets];
  type Sample = { coldMs: number; warmMs: number; status: number };
  const samples = new Map(order.map((t) => [t, [] as Sample[]]));
  const ready = new Map(order.map((t) => [t, [] as Sample[]]));
  const helloJson: Sample[] = [];
  await once(stack, dirs.hello!, 'hello', -1, env); // the disk cache warm for everyone
  for (let n = 0; n < runs; n++) {
    for (const t of order) {
      samples.get(t)!.push(await once(stack, dirs[t]!, t, n, env));
      if (t === 'hello') {
        helloJson.push(await once(stack, dirs[t]!, t, n, env, 'json'));
        continue;
      }
      ready.get(t)!.push(await once(stack, dirs[t]!, t, n, env, 'ready'));
      parts.get(t)!.push(await sampleParts(probe, dirs[t]!, t, env));
    }
  }
  const floor = median(samples.get('hello')!.map((s) => s.coldMs));
  await stack.close();
  const all = [...parts.values()].flat();
  return {
    runs,
    bootMs: median(all.map((p) => p.boot)),
    frameworkMs: median(all.map((p) => p.framework)),
    helloJsonMs: median(helloJson.map((x) => x.coldMs)),
    targets: order.map((target) => {
      const s = samples.get(target)!;
      const coldMs = median(s.map((x) => x.coldMs));
      const warmMs = median(s.map((x) => x.warmMs));
      const r = target === 'hello' ? s : ready.get(target)!;
      const p = parts.get(target);
      return {
        target,
        coldMs,
        warmMs,
        readyMs: median(r.map((x) => x.coldMs)),
        status: s[0]!.status,
        ratio: coldMs / floor,
        startRatio: (coldMs - warmMs) / floor,
        ...(p && {
          topLevelMs: median(p.map((x) => x.topLevel)),
          parts: [
            ...partsOf(target).map(([label], i) => ({ label, ms: median(p.map((x) => x.parts[i]!)) })),
            { label: 'time-zone data (ICU), first local date', ms: median(p.map((x) => x.icu)) },
          ],
        }),
      };
    }),
  };
}

if (isMain(import.meta.url)) {
  const [dist = '', runs = '10', ...targets] = process.argv.slice(2);
  void serve(() => coldStart(dist, targets, Number(runs)));
}
