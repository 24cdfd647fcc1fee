// Exactly-once across OS processes: the local stack (its own intake, formResponses and
// sweep) plus more function instances started from the built bundles with the environment
// `npm start` writes to functions.env, as Cloud Run runs two instances at once. With the
// emulators failing 10 % of calls, requests spread over every instance, and the same
// request to all of them at once, leave one row, one reference and one confirmation each.
// A holder killed while holding the lease holds intake back only until the lease expires.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GcsLeaseStore } from '../../shared/adapters/storage';
import { LOG_KIND } from '../../shared/domain/log-entry';
import { sign } from '../../shared/domain/signature';
import { parseLeaseBody } from '../../shared/lease/lease';
import { leaseSettings, loadConfig } from '../../shared/runtime/config';
import { formAnswers } from '../support/form-answers';
import { Commission } from '../support/commission';
import { formsDoor } from '../support/forms-door';
import { freshBundles, startFunction, type FunctionProcess } from '../support/processes';
import { readRequests, startTestStack, type TestStack } from '../support/stack';
import { validBody } from '../support/submissions';

const FAULTS = { faultRate: 0.1 };
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

let stateDir: string;
let stack: TestStack;
let dist: string;
let envFile: string;
const started: FunctionProcess[] = [];
let intakes: string[];

beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'xmess-multi-'));
  [stack, dist] = await Promise.all([startTestStack({ stateDir }), freshBundles()]);
  envFile = join(stateDir, 'functions.env');
  const more = await Promise.all([0, 1].map(() => startFunction({ dist, target: 'intake', envFile })));
  started.push(...more);
  intakes = [`${stack.url}/intake`, ...more.map((p) => p.url)];
}, 240_000);

afterAll(async () => {
  await Promise.all(started.map((p) => p.stop()));
  await stack?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

function faults(on: boolean) {
  const f = on ? FAULTS : { faultRate: 0 };
  stack.sheets.setFaults(f);
  stack.storage.setFaults(f);
  stack.forms.setFaults(f);
}

interface Answer {
  status: number;
  reference?: string;
}

/** A caller that retries a 503 (and a dropped connection) as the contract says, sooner. */
async function submit(url: string, body: Record<string, unknown>): Promise<Answer> {
  const raw = JSON.stringify(body);
  for (let tries = 1; ; tries++) {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-signature': sign(stack.functionEnv.INTAKE_SECRET!, raw) },
        body: raw,
      });
      const answer = (await res.json()) as { reference?: string };
      if (res.status !== 503 || tries === 40) return { status: res.status, reference: answer.reference };
    } catch (e) {
      if (tries === 40) throw e;
    }
    await pause(100 + Math.random() * 200);
  }
}

const confirmations = (id: string) =>
  stack.sendgrid.messages().filter((m) => {
    const args = (m.body as { custom_args?: Record<string, string> }).custom_args;
    return args?.kind === 'confirmacio' && args.requestId === id;
  }).length;

async function rowsById(): Promise<Map<string, string[]>> {
  const byId = new Map<string, string[]>();
  for (const r of await readRequests(stack.api)) byId.set(String(r.ID), [...(byId.get(String(r.ID)) ?? []), String(r.Referència)]);
  return byId;
}

/** No reference twice in the whole request tab, whatever wrote it. */
async function expectUniqueReferences() {
  const refs = (await readRequests(stack.api)).map((r) => String(r.Referència));
  expect(refs.filter((r, i) => refs.indexOf(r) !== i)).toEqual([]);
}

describe('three intake processes at once, with faults', () => {
  test('distinct submissions spread over all three: one row, one reference, one confirmation each', async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `mp-${i}`);
    faults(true);
    const answers = await Promise.all(ids.map((id, i) => submit(intakes[i % 3]!, validBody({ submissionId: id, contactEmail: `${id}@example.cat` }))));
    faults(false);
    expect(answers.map((a) => a.status).filter((s) => s !== 201 && s !== 200)).toEqual([]);
    const rows = await rowsById();
    for (const [i, id] of ids.entries()) {
      expect(rows.get(id), id).toEqual([answers[i]!.reference]);
      expect(confirmations(id), id).toBe(1);
    }
    await expectUniqueReferences();
  }, 180_000);

  test('the same submission to all three at once: one row; the others answer 200 with its reference', async () => {
    const ids = Array.from({ length: 6 }, (_, i) => `same-${i}`);
    faults(true);
    const answers = await Promise.all(ids.map((id) => Promise.all(intakes.map((url) => submit(url, validBody({ submissionId: id, contactEmail: `${id}@example.cat` }))))));
    faults(false);
    const rows = await rowsById();
    for (const [j, id] of ids.entries()) {
      const row = rows.get(id);
      expect(row, id).toHaveLength(1);
      expect(answers[j]!.map((a) => a.reference)).toEqual([row![0], row![0], row![0]]);
      expect(answers[j]!.filter((a) => a.status === 201).length, id).toBeLessThanOrEqual(1);
      expect(answers[j]!.filter((a) => a.status !== 201 && a.status !== 200)).toEqual([]);
      expect(confirmations(id), id).toBe(1);
    }
    await expectUniqueReferences();
  }, 180_000);
});

describe('the Google Form door: a formResponses process, the stack’s own and the sweep at once', () => {
  test('the same responses reconciled by all three: one row and one confirmation each', async () => {
    const door = formsDoor(stack);
    const formResponses = await startFunction({ dist, target: 'formResponses', envFile });
    started.push(formResponses);
    const notification = JSON.stringify({ message: { attributes: { formId: door.formId, watchId: 'w', eventType: 'RESPONSES' }, messageId: 'm', publishTime: new Date().toISOString() } });
    // Pub/Sub redelivers until the function acknowledges (2xx); the scheduler calls the sweep again.
    const untilOk = async (call: () => Promise<Response>) => {
      for (let tries = 1; tries <= 40; tries++) {
        const res = await call().catch(() => undefined);
        await res?.arrayBuffer();
        if (res?.ok) return res.status;
        await pause(150 + Math.random() * 150);
      }
      return 0;
    };
    const notify = () =>
      untilOk(() =>
        fetch(formResponses.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'ce-id': `e-${Math.random()}`, 'ce-source': '//pubsub.googleapis.com/x', 'ce-type': 'google.cloud.pubsub.topic.v1.messagePublished', 'ce-specversion': '1.0' },
          body: notification,
        }),
      );
    const sweep = () => untilOk(() => fetch(`${stack.url}/sweep`, { method: 'POST' }));

    faults(true);
    // Each response added reaches the stack's own formResponses through the watch at once.
    const ids = Array.from({ length: 8 }, (_, i) => stack.forms.addResponse(door.formId, formAnswers({ contactEmail: [`form-${i}@example.cat`] })).responseId);
    const statuses = await Promise.all([notify(), sweep(), notify(), sweep()]);
    await stack.forms.flush();
    faults(false);
    expect(statuses.every((s) => s >= 200 && s < 300)).toBe(true);

    const rows = await rowsById();
    for (const id of ids) {
      expect(rows.get(id), id).toHaveLength(1);
      expect(confirmations(id), id).toBe(1);
    }
    await expectUniqueReferences();
  }, 180_000);
});

describe('three sweeps at once: the stack’s own and two more processes', () => {
  test('each released decision is emailed once, and staff are told of each thing once', async () => {
    const commission = new Commission(stack.api);
    const sweeps = [`${stack.url}/sweep`, ...(await Promise.all([0, 1].map(() => startFunction({ dist, target: 'sweep', envFile })))).map((p) => {
      started.push(p);
      return p.url;
    })];
    const ids = Array.from({ length: 6 }, (_, i) => `sw-${i}`);
    // One from a municipality that is not a member: an item for staff's digest.
    const outsider = 'sw-outsider';
    for (const [id, extra] of [...ids.map((id) => [id, {}] as const), [outsider, { municipality: 'Ajuntament de Fora de la Xarxa' }] as const]) {
      expect((await submit(intakes[0]!, validBody({ submissionId: id, contactEmail: `${id}@example.cat`, ...extra }))).status).toBe(201);
    }
    await commission.refresh();
    await commission.typeAll(ids.map((id) => [id, { Decisió: 'Denegada', 'Enviar decisió': true }] as const));

    // The scheduler's call, a retry and a manual run, each to a different instance, at once; twice.
    const run = (url: string) => fetch(url, { method: 'POST' }).then(async (r) => (await r.arrayBuffer(), r.status)).catch(() => 0);
    const statuses = [...(await Promise.all(sweeps.map(run))), ...(await Promise.all(sweeps.map(run)))];
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);

    const mail = stack.sendgrid.messages().map((m) => m.body as { custom_args?: Record<string, string>; subject?: string; content?: Array<{ value: string }> });
    for (const id of ids) expect(mail.filter((m) => m.custom_args?.kind === 'decisio' && m.custom_args.requestId === id).length, id).toBe(1);
    const outsiderRef = (await rowsById()).get(outsider)![0]!;
    const told = mail.filter((m) => m.custom_args?.kind === LOG_KIND.reported && (m.content ?? []).some((c) => c.value.includes(outsiderRef)));
    expect(told.length, 'digests naming the non-member request').toBe(1);
  }, 180_000);
});

describe('a holder killed while holding the lease', () => {
  test('holds intake back while its lease is live, and no longer: the next request is accepted once it expires', async () => {
    const { bucket, name } = leaseSettings(loadConfig(stack.functionEnv));
    const leases = new GcsLeaseStore({ bucket, rootUrl: `${stack.url}/` });
    const doomed = await startFunction({ dist, target: 'intake', envFile, env: { LEASE_SECONDS: '5' } });
    started.push(doomed);

    // A slow Sheets keeps the doomed instance inside its flush, holding the lease.
    stack.sheets.setFaults({ latencyMs: 3000 });
    const lost = submit(doomed.url, validBody({ submissionId: 'killed-1', contactEmail: 'killed-1@example.cat' })).catch(() => undefined);
    let held;
    while (!(held = await leases.read(name))) await pause(20);
    doomed.child.kill('SIGKILL');
    await doomed.stop();
    stack.sheets.setFaults({ latencyMs: 0 });
    const expiresAt = parseLeaseBody(held.body)!.expiresAt;

    let answeredAt = 0;
    const next = submit(intakes[1]!, validBody({ submissionId: 'after-kill', contactEmail: 'after-kill@example.cat' })).then((a) => {
      answeredAt = Date.now();
      return a;
    });
    // While the dead holder's lease is the one in the bucket, the request is not recorded.
    let observedHeldBack = 0;
    while ((await leases.read(name))?.generation === held.generation) {
      const rows = await rowsById();
      if ((await leases.read(name))?.generation !== held.generation) break;
      expect(rows.has('after-kill')).toBe(false);
      expect(answeredAt).toBe(0);
      observedHeldBack++;
      await pause(200);
    }
    const answer = await next;
    await lost;
    expect(observedHeldBack).toBeGreaterThan(0);
    expect(answer.status).toBe(201);
    expect(answeredAt).toBeGreaterThan(expiresAt); // accepted only once the dead holder's lease expired
    expect((await rowsById()).get('after-kill')).toEqual([answer.reference]);
    expect(await leases.read(name)).toBeUndefined(); // the new holder released it

    // The killed instance's caller tries again elsewhere: recorded once.
    const again = await submit(intakes[0]!, validBody({ submissionId: 'killed-1', contactEmail: 'killed-1@example.cat' }));
    expect(again.status).toBe(201);
    expect((await rowsById()).get('killed-1')).toEqual([again.reference]);
  }, 120_000);
});
