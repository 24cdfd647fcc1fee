// API calls per unit of work, counted by the emulators themselves (every HTTP request
// they answered, retries included): Sheets and lease (Cloud Storage) calls per HTTP
// submission (alone, and amortised over a burst of 50), per Forms notification whatever
// the batch size, and per sweep whatever the number of decisions it sends (Sheets +
// SendGrid, against 3 + one per email). The lease costs three calls per flush: create,
// the fence's read before the append, and the release.
import { Commission } from '../tests/support/commission';
import { formAnswers } from '../tests/support/form-answers';
import { formsDoor } from '../tests/support/forms-door';
import { startTestStack, type TestStack } from '../tests/support/stack';
import { validBody } from '../tests/support/submissions';
import { isMain, serve } from './child';

export interface ApiCallsResult {
  submission: {
    alone: number[];
    aloneLease: number[];
    burst: { size: number; calls: number; perSubmission: number; leaseCalls: number; flushes: number };
  };
  forms: Array<{ responses: number; sheetsCalls: number; formsCalls: number; leaseCalls: number }> | { skipped: string };
  sweep: Array<{ decisions: number; sheetsCalls: number; emails: number; formsCalls: number; leaseCalls: number }>;
}

let n = 0;
const body = (prefix: string) => {
  n++;
  return validBody({ submissionId: `${prefix}-${n}`, contactEmail: `${prefix}-${n}@example.cat`, municipality: ['Manresa', 'Celrà', 'Barcelona'][n % 3] });
};

async function submissions(stack: TestStack) {
  const alone: number[] = [];
  const aloneLease: number[] = [];
  const reset = () => {
    stack.sheets.resetCounters();
    stack.storage.resetCounters();
  };
  for (let i = 0; i < 3; i++) {
    reset();
    await stack.post(body('alone'));
    alone.push(stack.sheets.counters().total);
    aloneLease.push(stack.storage.counters().total);
  }
  reset();
  const size = 50;
  const answers = await Promise.all(Array.from({ length: size }, () => stack.post(body('burst'))));
  if (answers.some((a) => a.status !== 201)) throw new Error('burst: a submission was not recorded');
  const calls = stack.sheets.counters().total;
  // Each flush reads the workspace once: the number of reads is the number of flushes.
  const flushes = stack.sheets.counters().byMethod['spreadsheets.get'] ?? 0;
  return { alone, aloneLease, burst: { size, calls, perSubmission: calls / size, leaseCalls: stack.storage.counters().total, flushes } };
}

async function formsBatches(stack: TestStack): Promise<ApiCallsResult['forms']> {
  if (!stack.functionEnv.FORM_ID) return { skipped: 'the Forms door is not on the local stack' };
  const door = formsDoor(stack);
  const out: Array<{ responses: number; sheetsCalls: number; formsCalls: number; leaseCalls: number }> = [];
  await door.withWatchPaused(async () => {
    for (const k of [1, 10, 50]) {
      for (let i = 0; i < k; i++) stack.forms.addResponse(door.formId, formAnswers({ contactEmail: [`forms-${k}-${i}@example.cat`] }));
      stack.sheets.resetCounters();
      stack.storage.resetCounters();
      const formsBefore = stack.forms.counters().total;
      const status = await door.notify();
      if (status !== 204) throw new Error(`formResponses answered ${status}`);
      out.push({ responses: k, sheetsCalls: stack.sheets.counters().total, formsCalls: stack.forms.counters().total - formsBefore, leaseCalls: stack.storage.counters().total });
    }
  });
  return out;
}

async function sweeps(stack: TestStack) {
  const sweep = async () => {
    const res = await fetch(`${stack.url}/sweep`, { method: 'POST' });
    if (res.status !== 200) throw new Error(`sweep answered ${res.status}`);
  };
  await sweep(); // the first digest (late, non-member…) is not what is measured
  const commission = new Commission(stack.api);
  const out: ApiCallsResult['sweep'] = [];
  for (const k of [0, 1, 10, 50]) {
    const ids = await Promise.all(Array.from({ length: k }, async () => {
      const b = body('sweep');
      await stack.post(b);
      return String(b.submissionId);
    }));
    await sweep(); // the confirmations and notices of those submissions settle first
    if (k) await commission.typeAll(ids.map((id) => [id, { Decisió: 'Denegada', 'Enviar decisió': true }] as const));
    stack.sheets.resetCounters();
    stack.storage.resetCounters();
    const mails = stack.sendgrid.counters().total;
    const forms = stack.forms.counters().total;
    await sweep();
    out.push({ decisions: k, sheetsCalls: stack.sheets.counters().total, emails: stack.sendgrid.counters().total - mails, formsCalls: stack.forms.counters().total - forms, leaseCalls: stack.storage.counters().total });
  }
  return out;
}

export async function apiCalls(): Promise<ApiCallsResult> {
  const stack = await startTestStack();
  const result = { submission: await submissions(stack), forms: await formsBatches(stack), sweep: await sweeps(stack) };
  await stack.close();
  return result;
}

if (isMain(import.meta.url)) void serve(apiCalls);
