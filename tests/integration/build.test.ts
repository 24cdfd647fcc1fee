// The deployable bundles: built into a temporary folder, each under the size goal, loaded by
// a fresh Node the way Cloud Functions loads it (framework external, resolved from the
// project's node_modules) and registering its function. Intake's bundle also answers a real
// signed request through the framework's own CLI, against the local emulators, which proves
// the lazily loaded adapter chunks work once bundled.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BUNDLE_GOAL_BYTES, FUNCTION_TARGETS } from '../../scripts/function-targets';
import { ca } from '../../shared/i18n/ca';
import { sign } from '../../shared/domain/signature';
import { freePort, waitForServer } from '../support/processes';
import { startTestStack, type TestStack } from '../support/stack';
import { validBody } from '../support/submissions';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const built = FUNCTION_TARGETS.filter((t) => existsSync(join(root, t.entry)));
const missing = FUNCTION_TARGETS.filter((t) => !built.includes(t));

let tmp: string;
let out: string;
let report: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'xmess-build-'));
  // What Cloud Functions' `npm install` provides beside the bundle, and nothing more: the
  // framework alone, found by walking up from dist/<target>/ (ESM ignores NODE_PATH). A
  // bundle that still needed another package would fail to load or to serve.
  mkdirSync(join(tmp, 'node_modules/@google-cloud'), { recursive: true });
  symlinkSync(join(root, 'node_modules/@google-cloud/functions-framework'), join(tmp, 'node_modules/@google-cloud/functions-framework'), 'dir');
  out = join(tmp, 'dist');
  const { stdout } = await run(process.execPath, [join(root, 'node_modules/.bin/tsx'), 'scripts/build.ts', '--outdir', out], { cwd: root });
  report = stdout;
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const filesOf = (dir: string) => readdirSync(dir).map((f) => join(dir, f));

describe('npm run build', () => {
  test('builds intake at least, and says which entry files it skipped', () => {
    expect(built.map((t) => t.target)).toContain('intake');
    for (const t of missing) expect(report).toMatch(new RegExp(`${t.target}\\s+omès`));
  });

  test.each(built)('$target: a bundle with its package.json, under the size goal', ({ target, deployName }) => {
    const dir = join(out, target);
    expect(existsSync(join(dir, 'index.js'))).toBe(true);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name: `xmess-${deployName}`, type: 'module', main: 'index.js', engines: { node: '22' } });
    expect(Object.keys(pkg.dependencies)).toEqual(['@google-cloud/functions-framework']);
    const bytes = filesOf(dir).reduce((sum, f) => sum + statSync(f).size, 0);
    expect(bytes).toBeLessThanOrEqual(BUNDLE_GOAL_BYTES);
    expect(report).toMatch(new RegExp(`${target}\\s+${bytes} B .*dins l’objectiu`));
  });

  // A cold start reads index.js and its static imports before serving: our shell, the
  // configuration (zod/mini) and texts, no client and not the full zod build (~390 KB).
  test.each(built)('$target: what loads before serving stays small, and no file carries mime-db', ({ target }) => {
    const startup = new RegExp(`${target}\\s+\\d+ B .*es carreguen en arrencar ([\\d.]+) KB`).exec(report)?.[1];
    expect(Number(startup)).toBeGreaterThan(0);
    expect(Number(startup)).toBeLessThanOrEqual(64);
    // mime-db's first entry: the database form-data would parse when SendGrid's client loads.
    for (const f of filesOf(join(out, target)).filter((f) => f.endsWith('.js'))) expect(readFileSync(f, 'utf8')).not.toContain('3gpdash-qoe-report');
  });

  test.each(built)('$target: a fresh Node loads it and finds the function registered', async ({ target }) => {
    const script = [
      `const { getFunction } = await import('@google-cloud/functions-framework/testing');`,
      `await import(${JSON.stringify(pathToFileURL(join(out, target, 'index.js')).href)});`,
      `process.stdout.write(typeof getFunction(${JSON.stringify(target)}));`,
    ].join('\n');
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: tmp });
    expect(stdout).toBe('function');
  });
});

describe('the intake bundle served by the functions framework CLI', () => {
  let stack: TestStack;
  let child: ChildProcess | undefined;
  let logs = '';
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    child?.kill();
    await stack.close();
  });

  test('answers a signed request with 201, writing through the bundled Sheets and SendGrid clients', async () => {
    const port = await freePort();
    child = spawn(
      process.execPath,
      [join(root, 'node_modules/.bin/functions-framework'), '--target=intake', `--source=${join(out, 'intake')}`, `--port=${port}`],
      { cwd: tmp, env: { ...process.env, ...stack.functionEnv, NODE_ENV: 'production', LOG_LEVEL: 'SILENT' } },
    );
    child.stdout?.on('data', (d) => (logs += d));
    child.stderr?.on('data', (d) => (logs += d));
    const url = `http://127.0.0.1:${port}/`;
    expect((await waitForServer(url)).status, logs).toBe(405);

    const before = stack.sendgrid.messages().length;
    const raw = JSON.stringify(validBody({ submissionId: 'bundle-1', contactEmail: 'bundle@example.cat' }));
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-signature': sign(stack.functionEnv.INTAKE_SECRET!, raw) },
      body: raw,
    });
    expect(res.status, logs).toBe(201);
    expect(await res.json()).toMatchObject({ reference: expect.any(String) });
    expect(stack.sendgrid.messages().length).toBeGreaterThan(before);
  }, 60_000);

  test('the framework as production runs it meets the body guard first: 413 unread, broken JSON unprinted', async () => {
    const url = `http://127.0.0.1:${/--port=(\d+)/.exec(child!.spawnargs.join(' '))![1]}/`;
    const big = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.alloc(2 * 1024 * 1024, 'a') });
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ error: ca.errors.tooLarge });
    const broken = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"contactEmail":"bundle.leak@example.cat",}' });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ error: ca.errors.notJson });
    expect(logs).not.toContain('bundle.leak');
  });
});
