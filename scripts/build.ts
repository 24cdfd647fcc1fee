// npm run build [-- --outdir DIR]: one self-contained bundle per function in DIR/<target>/
// (default dist/, or BUILD_OUTDIR), each ready for `gcloud functions deploy --source=…`.
//
// Choices, measured with fresh `node` processes side by side (medians of 21):
// - ESM with code splitting: the adapters that shared/runtime.ts loads with import() become
//   their own chunks, so a cold start parses only what it needs before serving (module load
//   ~30–45% faster than one inlined file; CJS inlined was slower still) and a request that
//   never reaches Sheets or SendGrid (405, 401) never loads them. Load plus a first request
//   that does came out the same or better.
// - Minified: unminified, zod alone is ~730 KB and a bundle ~2.5 MB, over the 1.5 MB goal.
// - Nothing is swapped out any more: mime-db (under form-data, under axios, under SendGrid's
//   client) went with that client (shared/adapters/sendgrid.ts sends on node:https).
//   node-fetch and its web-streams polyfill stay: Node's own fetch in their place made the
//   first request slower (bench/RESULTS.md, levers).
// - The Functions Framework stays external and is the one runtime dependency: Cloud
//   Functions installs it from package.json and runs `functions-framework --target=…`,
//   which imports our file; `functions.http(…)` must register in that same instance.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build, type Metafile } from 'esbuild';
import { shellEnv } from '../shared/runtime/env';
import { BUNDLE_GOAL_BYTES, FUNCTION_TARGETS, type FunctionTarget } from './function-targets';

const FRAMEWORK = '@google-cloud/functions-framework';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// CommonJS dependencies bundled into ESM still call require() for Node built-ins
// (google-auth-library, gaxios…); without a real require they throw at the first request.
const REQUIRE_SHIM = "import { createRequire as __xmessRequire } from 'node:module'; const require = __xmessRequire(import.meta.url);";

/** The installed framework's exact version: production serves with what tests ran. */
function frameworkVersion(): string {
  let dir = dirname(createRequire(import.meta.url).resolve(FRAMEWORK));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === FRAMEWORK && pkg.version) return pkg.version;
    }
    if (dirname(dir) === dir) throw new Error(`${FRAMEWORK}: package.json not found`);
    dir = dirname(dir);
  }
}

export interface BundleReport {
  target: string;
  dir: string;
  files: number;
  bytes: number;
  /** index.js and the chunks it imports statically: what a cold start reads before serving. */
  startupBytes: number;
}

function startupBytes(meta: Metafile, entry: string): number {
  const seen = new Set<string>();
  const visit = (file: string) => {
    const out = meta.outputs[file];
    if (!out || seen.has(file)) return;
    seen.add(file);
    for (const i of out.imports) if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(entry);
  return [...seen].reduce((sum, f) => sum + (meta.outputs[f]?.bytes ?? 0), 0);
}

async function bundle(t: FunctionTarget, outRoot: string, version: string): Promise<BundleReport> {
  const dir = join(outRoot, t.target);
  rmSync(dir, { recursive: true, force: true }); // no stale chunks from an earlier build
  const { metafile } = await build({
    absWorkingDir: root,
    entryPoints: { index: t.entry },
    outdir: dir,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    splitting: true,
    minify: true,
    charset: 'utf8', // Catalan text stays readable and shorter than \u escapes
    external: [FRAMEWORK],
    banner: { js: REQUIRE_SHIM },
    logLevel: 'warning',
    metafile: true,
  });
  const pkg = {
    name: `xmess-${t.deployName}`,
    private: true,
    type: 'module',
    main: 'index.js',
    engines: { node: '22' },
    dependencies: { [FRAMEWORK]: version },
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  const files = readdirSync(dir);
  const bytes = files.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
  return { target: t.target, dir, files: files.length, bytes, startupBytes: startupBytes(metafile, relative(root, join(dir, 'index.js'))) };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function describeReport(r: BundleReport): string {
  const verdict =
    r.bytes <= BUNDLE_GOAL_BYTES
      ? `dins l’objectiu de ${kb(BUNDLE_GOAL_BYTES)}`
      : `SUPERA l’objectiu de ${kb(BUNDLE_GOAL_BYTES)} en ${kb(r.bytes - BUNDLE_GOAL_BYTES)}`;
  return (
    `  ${r.target.padEnd(14)} ${String(r.bytes).padStart(9)} B = ${kb(r.bytes).padStart(10)}` +
    `  (${r.files} fitxers; es carreguen en arrencar ${kb(r.startupBytes)})  ${verdict}`
  );
}

const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
const outRoot = resolve(values.outdir ?? shellEnv().BUILD_OUTDIR ?? 'dist');
const version = frameworkVersion();
const lines: string[] = [];
const reports: BundleReport[] = [];
for (const t of FUNCTION_TARGETS) {
  if (!existsSync(join(root, t.entry))) {
    lines.push(`  ${t.target.padEnd(14)} omès: ${t.entry} encara no existeix`);
    continue;
  }
  const report = await bundle(t, outRoot, version);
  reports.push(report);
  lines.push(describeReport(report));
}
const where = relative(process.cwd(), outRoot) || '.';
process.stdout.write(`Paquets a ${where}/ (${FRAMEWORK} ${version} com a única dependència):\n${lines.join('\n')}\n`);
if (!reports.length) {
  process.stderr.write('No s’ha construït cap funció.\n');
  process.exitCode = 1;
}
