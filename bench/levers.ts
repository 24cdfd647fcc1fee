// The cold-start levers tried, each with what it did to the figures in a cold-start run
// (`npm run bench -- --only cold`, medians, same run for before and after unless said),
// and whether it stayed. Rewritten by hand when a lever is tried; printed into
// bench/RESULTS.md by every run that measures cold start.
interface Lever {
  lever: string;
  effect: string;
  kept: string;
}

export const LEVERS: Lever[] = [
  {
    lever: 'zod/mini for the configuration and the intake schema; the schema built on its first use',
    effect:
      'intake 748 → 685 ms (2.17 → 1.99 × hello, 9 runs, Node 20); importing full zod alone 36–79 ms, zod/mini 7–10 ms; what an instance loads before serving 388 KB → 42 KB; bundle 1.20 → 0.86 MB',
    kept: 'kept',
  },
  {
    lever: 'mime-db (182 KB of JSON under form-data, under axios, under SendGrid) replaced by a one-line lookup: no attachment is ever sent',
    effect: 'intake 634 → 585 ms on Node 22, 695 → 562 ms on Node 20 (15 runs each); bundle 0.86 → 0.73 MB',
    kept: 'kept, until SendGrid\'s client, which carried it, went (below)',
  },
  {
    lever: "node-fetch and its web-streams polyfill (gaxios's fetch on Node) replaced by Node's own fetch",
    effect: 'intake 585 → 705 ms on Node 22, 562 → 685 ms on Node 20 (15 runs each): Node loading its built-in fetch (undici) on first use costs more than node-fetch, and warm requests were no faster',
    kept: 'dropped',
  },
  {
    lever: "the same, measured again once the local Sheets engine settles before each timed request (bench/cold-start.ts): gaxios reads the global Headers on its first call, so Node's fetch classes (undici) load with node-fetch anyway",
    effect: 'intake 286 → 306 ms, cold − warm 253 → 269 ms (Node 20, 15 runs, hello 134 ms): Node\'s fetch is still slower on first use than node-fetch on top of undici\'s Headers',
    kept: 'dropped',
  },
  {
    lever: "SendGrid's client (the largest, needed last) loaded in the background while the lease and Sheets calls wait; the first send awaits it",
    effect:
      'intake 589 → 564 ms on Node 22, 812 → 782 ms on Node 20; sweep 905 → 673 / 905 → 774 ms; formResponses 483 → 437 / 598 → 651 ms (15 runs each): a gain for the intake on both, within noise for formResponses',
    kept: 'kept, until the client itself went (below)',
  },
  {
    lever: "SendGrid's client loaded only once the first Sheets read is on its way (a Mailer.prepare() called right after the read starts) instead of as soon as the runtime is built",
    effect: 'intake 286 → 287 ms, cold − warm 251 → 253 ms (Node 20, 15 runs, hello 139 ms): a local call waits less than the load takes, so the load delays the next step either way',
    kept: 'dropped: no measurable effect here; it would matter only where calls wait longer than the load, where the background load already costs nothing',
  },
  {
    lever: 'a larger young generation for the start (NODE_OPTIONS=--max-semi-space-size=32, fewer scavenges while modules load), given to hello and intake alike',
    effect: 'hello 143 → 156 ms, intake 307 → 333 ms (Node 20, 11 runs)',
    kept: 'dropped: slower',
  },
  {
    lever: "the Forms and sweep doors' own modules loaded alongside the intake's instead of after them",
    effect: 'sweep 638 → 537 and 604 → 637 ms, formResponses 534 → 606 and 588 → 539 ms (Node 22, 11 runs; Node 20, 15 runs): opposite signs, within the machine\'s noise',
    kept: 'dropped: no measurable effect',
  },
  {
    lever: "Node's module compile cache (Node 22.23, NODE_COMPILE_CACHE_PORTABLE=1), produced beside the bundle, the bundle moved to another folder, a fresh copy of the cache for every start",
    effect: 'intake 780 → 694 ms (15 runs; 649 → 604 ms in a run where starts could add to the cache): the cache was read after the move',
    kept:
      "dropped: the cache lives under a folder named for the exact Node build (v22.23.3-x64-<V8 flags>) and is ignored by any other; the bundle is built where `npm run deploy` runs, Cloud Functions' nodejs22 patch is Google's and changes with its base-image updates, and `npm run bench` runs Node 20, which has no compile cache",
  },
  {
    lever: "SendGrid's client (@sendgrid/mail, with axios and form-data) replaced by its one call, v3 Mail Send, on Node's https in shared/adapters/sendgrid.ts; the same bodies on the wire (a test sends each message through both); mime-db's shim no longer needed",
    effect: 'intake 311 → 297 ms, sweep 380 → 352 ms (Node 20, 15 runs, hello 150 ms); bundle 0.76 → 0.63 MB',
    kept: 'kept: two runtime dependencies fewer; @sendgrid/mail stays as the test\'s reference',
  },
  {
    lever: "googleapis-common and the generated @googleapis clients replaced by REST calls written on google-auth-library's own request (which stays, for the token)",
    effect: 'estimated, not built: google-auth-library bundled alone imports in 24–25 ms, with the Storage client 31–33 ms (fresh Node, 6 runs each), and the Sheets client adds 4 ms: ≈ 12 ms, 0.08 × hello; ≈ 130 KB of each bundle',
    kept: "not done: our own request code on every Sheets, Forms and Storage call in place of Google's maintained clients, for a request whose floor is already ≈ 1.5 × hello",
  },
  {
    lever: 'duplicate copies',
    effect:
      "two majors of https-proxy-agent and agent-base (20 KB): gaxios's own copy sits in a chunk loaded only behind an HTTP proxy, so it costs nothing at start; luxon and zod already resolve to their ESM entries; the Google clients (google-auth-library, googleapis-common) publish CommonJS only",
    kept: 'left as they are',
  },
  {
    lever: 'the 3rd Sheets call of a lone HTTP submission (the email results) riding on a write that happens anyway',
    effect:
      'no write happens anyway after the emails of a lone submission: the next is the next flush or the sweep, minutes later, and until then the log shows intents without results, which the sweep re-sends after 10 minutes as «possible correu duplicat». Sending before the row is recorded would answer before recording',
    kept: 'kept 3 calls (README, “How we know it works”)',
  },
];

export function leversSection(): string {
  return [
    '### Cold-start levers',
    '',
    'Each measured by the cold-start method of the next section (spawn → first real answer through the framework\'s CLI, runs interleaved, medians) on bundles built before and after the lever, both in one run on the same machine, one lever at a time in the order listed (each "before" includes the levers kept above it). Node 22 is the runtime Cloud Functions deploys; `npm run bench` runs the machine\'s Node 20.',
    '',
    '| lever | measured effect | kept? |',
    '|---|---|---|',
    ...LEVERS.map((l) => `| ${l.lever} | ${l.effect} | ${l.kept} |`),
  ].join('\n');
}
