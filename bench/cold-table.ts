// The cold-start rows of the figures table and the cold-start section of bench/RESULTS.md:
// each target against hello, in parts that add up to its spawn → answer, the floor a
// request cannot go under, and what stays of the intake's start and why.
import type { ColdStartResult } from './cold-start';
import { fmt, met, ms } from './format';

/** The goal for cold / hello: a new instance's first answer at most half again a hello's. */
export const COLD_GOAL = 1.5;

/** The targets whose first request carries a JSON body the framework parses (sweep's POST has none). */
const JSON_BODY = new Set(['intake', 'formResponses']);

/**
 * What the target would take if none of our code or its libraries had to load: hello's start,
 * the framework's first JSON body where there is one, and the request's own I/O (warm).
 */
const floorOf = (cold: ColdStartResult, t: ColdStartResult['targets'][number], hello: ColdStartResult['targets'][number]) =>
  hello.coldMs + (JSON_BODY.has(t.target) ? Math.max(0, cold.helloJsonMs - hello.coldMs) : 0) + t.warmMs;

export function coldRows(cold: ColdStartResult): string[][] {
  const hello = cold.targets.find((t) => t.target === 'hello')!;
  return cold.targets
    .filter((x) => x.target !== 'hello')
    .map((t) => [
      `Cold start, ${t.target}: spawn → first real answer (${t.status}), median of ${cold.runs}`,
      `${ms(t.coldMs)} = **${fmt(t.ratio)} × hello** (${ms(hello.coldMs)}); without the request's own ${ms(t.warmMs)} (warm): **${fmt(t.startRatio)} ×**; with nothing of ours to load (hello, its first JSON body, the request's own I/O) it would still take ${fmt(floorOf(cold, t, hello) / hello.coldMs)} ×`,
      `≤ ${COLD_GOAL} × hello`,
      met(t.ratio <= COLD_GOAL, `${fmt(t.ratio - COLD_GOAL)} × hello over (${ms(t.coldMs - COLD_GOAL * hello.coldMs)})`),
    ]);
}

/**
 * Where each target's cold start goes, in parts that add up to its spawn → answer: hello's
 * own (Node and the framework), the framework's first JSON body, our bundle's top level,
 * each lazily loaded part, what remains of the first request's first time, the request warm.
 */
export function coldDetails(cold: ColdStartResult): string {
  const hello = cold.targets.find((t) => t.target === 'hello')!;
  const targets = cold.targets.filter((t) => t.target !== 'hello');
  const labels = [...new Set(targets.flatMap((t) => (t.parts ?? []).map((p) => p.label)))];
  const json = Math.max(0, cold.helloJsonMs - hello.coldMs);
  const row = (t: ColdStartResult['targets'][number]) => {
    const parts = t.parts ?? [];
    const body = JSON_BODY.has(t.target) ? json : 0;
    const top = t.topLevelMs ?? 0;
    const rest = t.coldMs - hello.coldMs - body - top - parts.reduce((sum, p) => sum + p.ms, 0) - t.warmMs;
    const cells = labels.map((l) => {
      const p = parts.find((x) => x.label === l);
      return p ? ms(p.ms) : '—';
    });
    return `| ${t.target} | ${ms(t.coldMs)} | ${fmt(t.ratio)} | ${fmt(t.startRatio)} | ${ms(hello.coldMs)} | ${JSON_BODY.has(t.target) ? ms(body) : '—'} | ${ms(top)} | ${cells.join(' | ')} | ${ms(rest)} (${fmt(rest / hello.coldMs)} ×) | ${ms(t.warmMs)} | ${ms(t.readyMs)} |`;
  };
  return [
    `### Cold start (medians of ${cold.runs}; runs interleaved hello, ${targets.map((t) => t.target).join(', ')}, …)`,
    '',
    [
      'Spawn → first real answer, in parts that add up to it.',
      `Node + framework: hello's spawn → answer to a GET (Node's own start ${ms(cold.bootMs)}, importing the framework ${ms(cold.frameworkMs)}, the rest its CLI loading express and starting the server).`,
      `First JSON body: hello answering the intake's POST instead (${ms(cold.helloJsonMs)}) minus its GET: the framework's body parser and its encodings, loaded on the first body.`,
      "Top level: importing the bundle's index.js once the framework is loaded.",
      'Each load: that part imported alone in a fresh Node, in the order the first request needs it (the first Google client carries google-auth-library and googleapis-common for the others; the SendGrid adapter, a few lines on Node\'s https, loads on the first send); node-fetch, which gaxios imports on its first call, and Node\'s own fetch classes (undici), which gaxios touches on that call too (reading the global Headers; whatever reads it first pays); ICU\'s time-zone and locale data behind the first Europe/Madrid date (luxon).',
      'First-time rest: what is left — V8 compiling each function the first request runs (loading only pre-parses them), objects built once (the clients, the schema), the first connections, and the run-to-run noise of a shared 2-core machine.',
      'Warm: the same request again on the same instance, its own I/O (the emulators answering). Ready: a fresh instance\'s answer to a GET, for reference.',
    ].join(' '),
    '',
    `| target | spawn → answer | × hello | (cold − warm) × hello | Node + framework | first JSON body | top level | ${labels.join(' | ')} | first-time rest | warm | ready |`,
    `|---|---|---|---|---|---|---|${labels.map(() => '---|').join('')}---|---|---|`,
    `| hello | ${ms(hello.coldMs)} | 1 | ${fmt((hello.coldMs - hello.warmMs) / hello.coldMs)} | ${ms(hello.coldMs)} | — | — | ${labels.map(() => '—').join(' | ')} | — | ${ms(hello.warmMs)} | ${ms(hello.readyMs)} |`,
    ...targets.map(row),
    '',
    whatStays(cold),
  ].join('\n');
}

/** Why the intake's remaining parts stay, with this run's figures (issue: cold start near the floor). */
function whatStays(cold: ColdStartResult): string {
  const hello = cold.targets.find((t) => t.target === 'hello')!;
  const intake = cold.targets.find((t) => t.target === 'intake');
  if (!intake) return '';
  const floor = floorOf(cold, intake, hello);
  const room = COLD_GOAL * hello.coldMs - floor;
  return [
    `What stays, and why (intake). Node, the framework and its first JSON body are the platform's: ${ms(hello.coldMs + Math.max(0, cold.helloJsonMs - hello.coldMs))}.`,
    `The request's own I/O (${ms(intake.warmMs)}) is the lease (create, the fence's re-read, release), the Sheets read, the append of rows and intents, the confirmation and its result: what exactly-once across processes and "nothing answered before it is recorded" need.`,
    `With only these the intake would take ${fmt(floor / hello.coldMs)} × hello, leaving ${ms(Math.max(0, room))} under ${COLD_GOAL} × for everything it loads; loading and first running our code and the libraries it needs take ${ms(intake.coldMs - floor)}.`,
    "Of the rest: our top level and pipeline are already split by door and built on zod/mini; the Google parts are google-auth-library, googleapis-common and the generated clients (CommonJS only) with gaxios's node-fetch and Node's fetch classes (Node's fetch in node-fetch's place was measured slower, levers below); ICU's zone data is paid by the first zoned date whatever the date library; the first-time rest is V8 compiling each function on its first call and collecting garbage while modules load.",
  ].join(' ');
}
