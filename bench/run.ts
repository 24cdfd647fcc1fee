// npm run bench [-- --quick | --only api,burst,cold | --runs N]: every figure of the "How we know it works"
// table in one run, each experiment in a fresh Node process, printed as Markdown and written
// to bench/RESULTS.md with the machine it ran on. --quick: 3 cold-start runs and the
// 1,000-request sweep only, to check the bench itself. --only: just the API-call counts,
// the burst and/or cold start with the bundles, merged into the last full run's file
// (bench/partial.ts). --runs: cold-start runs (default 10, 3 with --quick).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ApiCallsResult } from './api-calls';
import { buildBundles } from './bundles';
import type { BurstResult } from './burst';
import { root, runChild } from './child';
import type { ColdStartResult } from './cold-start';
import { describeMachine, machineLine } from './machine';
import type { SweepScaleResult } from './sweep-scale';
import { leversSection } from './levers';
import { mergeRows, replaceSection } from './partial';
import { coldDetails, coldRows } from './cold-table';
import { apiRows, bundleRows, burstRow, markdownTable, resultsMarkdown, type BenchResults } from './table';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, runs: { type: 'string' } } });
const runs = Number(values.runs ?? (values.quick ? 3 : 10));
const sizes = values.quick ? [1000] : [1000, 10_000];
const step = (what: string) => process.stderr.write(`bench: ${what}…\n`);

const started = performance.now();
if (values.only !== undefined) {
  const parts = values.only.split(',').map((p) => p.trim());
  const unknown = parts.filter((p) => p !== 'api' && p !== 'burst' && p !== 'cold');
  if (unknown.length || !parts.length) throw new Error(`--only takes api, burst and/or cold, not ${unknown.join(', ') || 'nothing'}`);
  const rows: string[][] = [];
  const sections: string[][] = [];
  if (parts.includes('cold')) {
    step('building the bundles');
    const bundles = await buildBundles();
    try {
      step(`cold start, ${runs} interleaved runs per target`);
      const cold = await runChild<ColdStartResult>('cold-start.ts', [bundles.dist, String(runs), ...bundles.sizes.map((s) => s.target)]);
      rows.push(...coldRows(cold), ...bundleRows(bundles));
      sections.push(['Cold start', coldDetails(cold)], ['Cold-start levers', leversSection()]);
    } finally {
      rmSync(bundles.tmp, { recursive: true, force: true });
    }
  }
  if (parts.includes('api')) {
    step('API calls');
    rows.push(...apiRows(await runChild<ApiCallsResult>('api-calls.ts')));
  }
  if (parts.includes('burst')) {
    step('burst');
    rows.push(burstRow(await runChild<BurstResult>('burst.ts')));
  }
  const minutes = (performance.now() - started) / 60_000;
  const file = join(root, 'bench/RESULTS.md');
  const note = ` measured again on ${new Date().toISOString().slice(0, 10)} by \`npm run bench -- --only ${parts.join(',')}\` (${minutes.toFixed(1)} min) on ${machineLine(describeMachine())}; the other rows are from the run above.`;
  const merged = sections.reduce((md, [heading, section]) => replaceSection(md, heading!, section!), mergeRows(readFileSync(file, 'utf8'), rows, note));
  writeFileSync(file, merged);
  process.stdout.write(`${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n\nMerged into bench/RESULTS.md.\n`);
  process.exit(0);
}
step('building the bundles');
const bundles = await buildBundles();
try {
  step(`cold start, ${runs} interleaved runs per target`);
  const cold = await runChild<ColdStartResult>('cold-start.ts', [bundles.dist, String(runs), ...bundles.sizes.map((s) => s.target)]);
  step('API calls');
  const api = await runChild<ApiCallsResult>('api-calls.ts');
  step('burst');
  const burst = await runChild<BurstResult>('burst.ts');
  const sweeps: BenchResults['sweeps'] = [];
  for (const n of sizes) {
    step(`sweep over ${n} requests`);
    // A workspace the local emulator cannot load in time is reported, not waited for.
    sweeps.push(
      await runChild<SweepScaleResult>('sweep-scale.ts', [String(n)], 25 * 60_000).catch((e: Error) => {
        process.stderr.write(`${e.message}\n`);
        const cause = e.message.split('\n').find((l) => /^\w*Error\b/.test(l.trim())) ?? e.message.split('\n')[0]!;
        return { requests: n, error: cause.trim().slice(0, 200) };
      }),
    );
  }
  const minutes = (performance.now() - started) / 60_000;
  const results: BenchResults = { date: new Date().toISOString().slice(0, 10), minutes, machine: describeMachine(), bundles, cold, api, burst, sweeps };
  writeFileSync(join(root, 'bench/RESULTS.md'), resultsMarkdown(results));
  process.stdout.write(`${markdownTable(results)}\n\nWritten to bench/RESULTS.md.\n`);
} finally {
  rmSync(bundles.tmp, { recursive: true, force: true });
}
