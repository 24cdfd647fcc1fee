// Where a cold start's time goes, part by part: a fresh Node imports the framework, then the
// bundle's index.js (its top level: what every instance pays before any request), then each
// lazily loaded chunk in the order the first real request needs it — the pipeline, then each
// client (its SDK and the shared Google libraries the first Google client brings). Each part
// is the time of its import alone, in a fresh process per sample, so the figures add up the
// way the first request pays them; then two first-time costs the first request also pays:
// node-fetch, which gaxios imports on the first Google call, Node's own fetch classes
// (undici), which gaxios touches on that call too, then the SendGrid adapter (on the first
// send), and the time-zone data (ICU) behind the
// first Europe/Madrid date (timed first, before any import touches Intl).
// Chunks are found by the name esbuild gives a dynamically imported file's chunk
// (`<file>-<HASH>.js`).
import { execFile } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** Each part: its label and the source files (basenames) whose chunks it loads. */
const PIPELINE = { intake: ['intake', 'guard'], sweep: ['intake', 'guard', 'sweep', 'form-responses'], formResponses: ['intake', 'guard', 'form-responses', 'forms-watch'] };
/** Not a chunk: the first read of the global Headers, which makes Node load its fetch (undici). */
const UNDICI = '#undici';
const CLIENTS: Array<[string, string[]]> = [
  ['Storage client (with the shared Google auth libraries)', ['storage']],
  ['Sheets client', ['sheets']],
  ['node-fetch (gaxios, first Google call)', ['src']],
  // gaxios reads the global Headers on that call; whatever reads it first pays for undici.
  ['Node’s fetch classes (undici), first Google call', [UNDICI]],
  ['SendGrid adapter (Node’s https), first send', ['sendgrid']],
];
const FORMS: [string, string[]] = ['Forms client', ['forms']];

export function partsOf(target: string): Array<[string, string[]]> {
  const pipeline = PIPELINE[target as keyof typeof PIPELINE];
  if (!pipeline) throw new Error(`no startup parts for ${target}`);
  return [['our pipeline modules', pipeline], ...CLIENTS, ...(target === 'intake' ? [] : [FORMS])];
}

const PROBE = `
import { pathToFileURL } from 'node:url';
const [index, ...parts] = JSON.parse(process.argv[2]);
const timed = async (specifiers) => { const t = performance.now(); for (const s of specifiers) s === '${UNDICI}' ? void globalThis.Headers : await import(s); return performance.now() - t; };
const url = (files) => files.map((f) => (f === '${UNDICI}' ? f : pathToFileURL(f).href));
const out = { boot: performance.now() };
// First, before anything else touches Intl: the loads below then no longer include it.
const t = performance.now();
new Intl.DateTimeFormat('ca', { timeZone: 'Europe/Madrid', dateStyle: 'long', timeStyle: 'long' }).format(new Date());
out.icu = performance.now() - t;
out.framework = await timed(['@google-cloud/functions-framework']);
out.topLevel = await timed(url([index]));
out.parts = [];
for (const files of parts) out.parts.push(await timed(url(files)));
process.stdout.write(JSON.stringify(out));
`;

export interface PartsSample {
  /** Node's own start until the probe's first line. */
  boot: number;
  /** import('@google-cloud/functions-framework') alone (the CLI's server is not started). */
  framework: number;
  /** import(index.js) once the framework is loaded: our bundle's top level. */
  topLevel: number;
  /** One per partsOf(target), in order. */
  parts: number[];
  /** The first Intl date in Europe/Madrid: ICU's time-zone and locale data. */
  icu: number;
}

/** The probe beside the bundles, so it resolves the framework as they do. */
export function writeProbe(dist: string): string {
  const file = join(dist, 'startup-parts.mjs');
  writeFileSync(file, PROBE);
  return file;
}

function chunkOf(dir: string, base: string): string {
  const re = new RegExp(`^${base}-[A-Z0-9]{8}\\.js$`);
  const file = readdirSync(dir).find((f) => re.test(f));
  if (!file) throw new Error(`${dir}: no chunk for ${base}.ts (was it made a static import?)`);
  return join(dir, file);
}

export async function sampleParts(probe: string, dir: string, target: string, env: NodeJS.ProcessEnv): Promise<PartsSample> {
  const files = [join(dir, 'index.js'), ...partsOf(target).map(([, bases]) => bases.map((b) => (b === UNDICI ? b : chunkOf(dir, b))))];
  const { stdout } = await promisify(execFile)(process.execPath, [probe, JSON.stringify(files)], { cwd: dir, env });
  return JSON.parse(stdout) as PartsSample;
}
