// The fault soak: 200 signed submissions and the Commission's 200 decisions through the
// local stack while Sheets answers 429/500/503 to 30 % of calls, loses the answer to some
// writes it applied, and is slow, and SendGrid refuses 30 % of sends. Callers retry a 503
// as the contract says (sooner than Retry-After, to keep the run short). Then the faults
// stop and the sweep runs until quiet, the clock moved on so that retries and the
// crash-window resends fall due. What must hold is at the bottom.
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { caDecisions } from '../../shared/i18n/ca-decisions';
import { Commission } from '../support/commission';
import { brokenHeaders, type SinkMail } from '../support/mail-checks';
import { tapMailSends } from '../support/mail-tap';
import { persist, soakBody as body, soakDecision as decision, soakId as id, submitUntilAnswered, type CallerOutcome } from '../support/soak-people';
import { byKey, droppedDigestItems, duplicates, lostResults, unexplainedFailures } from '../support/soak-story';
import { IN_CALL_2020_04, readLog, readRequests, receiveOn, startTestStack, type TestStack } from '../support/stack';

const N = 200;
const WAVE = 25; // callers in flight together, so the write queue coalesces under faults
const SHEETS_FAULTS = { faultRate: 0.3, failAfterApplyRate: 0.15, latencyMs: 15 };
const SENDGRID_FAULTS = { faultRate: 0.3, latencyMs: 5 };

let stack: TestStack;
let tap: ReturnType<typeof tapMailSends>;
beforeAll(async () => {
  // Started as `npm start` starts it with the fault switches on: setup and the local form
  // are built through the same faults; the Sheets and SendGrid ones are tuned below.
  stack = await startTestStack({ env: { ...process.env, EMULATOR_FAULT_RATE: '0.3', EMULATOR_LATENCY_MS: '5' } });
  stack.forms.setFaults({ faultRate: 0, latencyMs: 0 }); // the soak is about Sheets and SendGrid
  tap = tapMailSends(stack.sendgrid);
});
afterAll(async () => {
  vi.useRealTimers();
  stack.sheets.setFaults({ faultRate: 0, failAfterApplyRate: 0, latencyMs: 0 });
  await stack?.close();
});

const sweep = async () => {
  const res = await fetch(`${stack.url}/sweep`, { method: 'POST' });
  const out = (await res.json()) as { sent?: number; failed?: number; digest?: number };
  return { status: res.status, ...out };
};
const laterBy = (minutes: number) => vi.setSystemTime(Date.now() + minutes * 60_000);

test(`${N} submissions and their decisions through 30 % faults: one row each, every email sent, duplicates only in the crash window`, async ({ annotate }) => {
  receiveOn(IN_CALL_2020_04); // the April 2020 call and its pools
  stack.sheets.setFaults(SHEETS_FAULTS);
  stack.sendgrid.setFaults(SENDGRID_FAULTS);

  const answers: CallerOutcome[] = [];
  for (let w = 0; w < N; w += WAVE) {
    answers.push(...(await Promise.all(Array.from({ length: Math.min(WAVE, N - w) }, (_, k) => submitUntilAnswered(stack, body(w + k))))));
  }
  const commission = new Commission(stack.api);
  await persist(() => commission.typeAll(Array.from({ length: N }, (_, i) => [id(i), decision(i)] as const)));
  // Sweeps under faults, 6 minutes apart: failed confirmations fall due (5 minutes), open
  // intents do not yet (10).
  const faultySweeps: number[] = [];
  for (let s = 0; s < 4; s++) {
    laterBy(6);
    faultySweeps.push((await sweep()).status);
  }

  stack.sheets.setFaults({ faultRate: 0, failAfterApplyRate: 0, latencyMs: 0 });
  stack.sendgrid.setFaults({ faultRate: 0, latencyMs: 0 });
  // Quiet: four sweeps in a row with nothing to do, 11 minutes apart, so 44 minutes pass
  // with nothing due: longer than the crash window (10) and the longest retry delay (40).
  let sweeps = 0;
  for (let quiet = 0; quiet < 4; sweeps++) {
    expect(sweeps, 'the sweep goes quiet').toBeLessThan(20);
    laterBy(11);
    const r = await sweep();
    expect(r.status).toBe(200);
    quiet = r.sent === 0 && r.failed === 0 && r.digest === 0 ? quiet + 1 : 0;
  }
  vi.useRealTimers();

  // Every caller got its answer: recorded, never an error in the end. A sweep hit by the
  // faults may answer 503 (the scheduler calls again), never 500.
  expect(answers.filter((a) => a.status !== 201 && a.status !== 200)).toEqual([]);
  expect(faultySweeps.filter((s) => s !== 200 && s !== 503)).toEqual([]);

  // Every submission has exactly one row, under the reference its caller was given.
  const rows = await readRequests(stack.api);
  const idOfReference = new Map(rows.map((r) => [String(r.Referència), String(r.ID)]));
  for (let i = 0; i < N; i++) {
    const mine = rows.filter((r) => r.ID === id(i));
    expect(mine, id(i)).toHaveLength(1);
    expect(mine[0]!.Referència, id(i)).toBe(answers[i]!.reference);
  }
  expect(rows).toHaveLength(N);

  // Every confirmation and every released decision went out; the log says so.
  const accepted = stack.sendgrid.messages().map((m) => m.body as SinkMail);
  const log = await readLog(stack.api);
  const keys = byKey(log);
  for (let i = 0; i < N; i++) {
    const sent = (kind: string) => accepted.filter((m) => m.custom_args?.kind === kind && m.custom_args.requestId === id(i));
    expect(sent('confirmacio').length, `confirmation of ${id(i)}`).toBeGreaterThan(0);
    expect(sent('decisio').length, `decision of ${id(i)}`).toBeGreaterThan(0);
    expect(keys.get(`confirmacio:${id(i)}`)?.at(-1)?.state, id(i)).toBe('enviat');
    const decisions = [...keys].filter(([k]) => k.startsWith(`decisio:${id(i)}:`));
    expect(decisions.map(([, entries]) => entries.at(-1)?.state), id(i)).toEqual(['enviat']);
  }
  expect(log.filter((e) => e.kind === 'bloquejada')).toEqual([]);

  // A duplicate only where a result was lost (an intent followed by an intent), and each
  // one reported to staff in a digest that went out.
  const dups = duplicates(accepted);
  const digests = accepted.filter((m) => m.custom_args?.kind === 'resum').map((m) => m.content?.find((c) => c.type === 'text/plain')?.value ?? '');
  for (const [key, count] of dups) {
    expect(lostResults(keys.get(key)), `${key} sent ${count} times without a lost result`).toBeGreaterThanOrEqual(count - 1);
    const reference = rows.find((r) => r.ID === key.split(':')[1])!.Referència;
    expect(digests.some((d) => d.includes(caDecisions.digest.possibleDuplicate(String(reference)))), `${key} reported`).toBe(true);
  }

  // The log tells the story of every refused send; no digest item was lost with its email.
  const attempts = tap.attempts();
  expect(unexplainedFailures(attempts, log, idOfReference)).toEqual([]);
  const waiting = / és en llista d’espera i la bossa «.*» torna a tenir \d+ h lliures$/;
  expect(droppedDigestItems(attempts, (item) => waiting.test(item))).toEqual([]);
  for (const m of accepted) expect(brokenHeaders(m)).toEqual([]);

  const refused = attempts.filter((a) => a.status >= 500).length;
  const sheets = stack.sheets.counters();
  await annotate(
    `Sheets calls ${sheets.total}; SendGrid attempts ${attempts.length}, refused ${refused}; caller retries ${answers.reduce((n, a) => n + a.tries - 1, 0)}; ` +
      `faulty sweeps ${JSON.stringify(faultySweeps)}; quiet after ${sweeps} sweeps; duplicates ${dups.size} (${[...dups.keys()].join(', ')}); ` +
      `error entries ${log.filter((e) => e.state === 'error').length}`,
  );
}, 300_000);
