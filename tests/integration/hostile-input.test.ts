// The hostile-input corpus: 550 requests generated with fast-check (formulas, markup,
// controls, line breaks, look-alikes, forged submittedAt, wrong types, missing and extra keys, oversized and
// non-JSON bodies, wrong content types, bad and rotated signatures), sent 50 at a time so
// the write queue coalesces them, against the local stack. Whatever comes in: never a 500;
// a Catalan error or a recorded row; nothing stored as a formula; no foreign markup in an
// email and no line break in a header. Replay a failure with HOSTILE_SEED=<seed>.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cleanText } from '../../shared/domain/text';
import { ca } from '../../shared/i18n/ca';
import { REQUEST_COLUMNS } from '../../shared/workspace/request-row';
import { hostileBody } from '../support/hostile-bodies';
import { FORGED_TIME, USER_TEXT_KEYS } from '../support/hostile-mutations';
import { envelope, PREVIOUS_SECRET } from '../support/hostile-envelopes';
import { hostileSender, type Sent } from '../support/hostile-send';
import { brokenHeaders, escaped, foreignMarkup, htmlOf, type SinkMail } from '../support/mail-checks';
import { isCatalanError, storedCellProblems } from '../support/sheet-checks';
import { readLog, readRequests, startTestStack, type TestStack } from '../support/stack';

// The runtime reads its secrets on the first request: a rotation in progress.
process.env.INTAKE_SECRET_PREVIOUS = PREVIOUS_SECRET;

const CHUNK = 50;
const RUNS = 11;
const SEED = Number(process.env.HOSTILE_SEED ?? 20200508);

let stack: TestStack;
let sender: ReturnType<typeof hostileSender>;
beforeAll(async () => {
  stack = await startTestStack();
  sender = hostileSender(stack);
});
afterAll(() => stack?.close());

const USER_COLUMNS: Record<string, string> = Object.fromEntries(
  USER_TEXT_KEYS.filter((k) => k !== 'municipality' && k !== 'topicOther').map((k) => [k, REQUEST_COLUMNS[k as keyof typeof REQUEST_COLUMNS]]),
);

function checkAnswer(s: Sent): void {
  const where = `${s.id}: ${s.labels.join(' · ')} → ${s.status} ${JSON.stringify(s.answer)?.slice(0, 300)}`;
  expect(s.status, where).toBeLessThan(500);
  expect(s.status, where).toBe(s.expected.status);
  if (s.expected.by === 'framework') return;
  expect(s.answer, where).toBeDefined();
  if (s.status === 201) {
    expect(s.answer, where).toEqual({ reference: expect.any(String), flags: expect.any(Array) });
    for (const f of s.answer!.flags as string[]) expect(['late', 'non_member', 'repeated_in_call'], where).toContain(f);
    return;
  }
  expect(isCatalanError(s.answer!.error), where).toBe(true);
  if (s.status !== 400) return;
  const fieldErrors = s.answer!.fieldErrors as Record<string, string[]>;
  const formErrors = s.answer!.formErrors as string[];
  const messages = [...formErrors, ...Object.values(fieldErrors).flat()];
  expect(messages.length, where).toBeGreaterThan(0);
  for (const m of messages) expect(isCatalanError(m), `${where}\nnot one of our Catalan messages: ${m}`).toBe(true);
  if (s.hostile.breaks && s.labels.includes('payload json')) {
    for (const b of s.hostile.breaks) {
      if ('field' in b) expect(fieldErrors[b.field], `${where}\nexpected an error on ${b.field}`).toBeDefined();
      else if (b.form === 'unknown-key') expect(formErrors.some((m) => m.includes('no forma part del formulari')), where).toBe(true);
    }
  }
}

async function checkRecorded(sent: Sent[], logBefore: number): Promise<void> {
  const [formulas, shown] = await Promise.all([readRequests(stack.api, 'FORMULA'), readRequests(stack.api, 'FORMATTED_VALUE')]);
  for (const s of sent) {
    const rows = formulas.filter((r) => r.ID === s.id);
    const where = `${s.id}: ${s.labels.join(' · ')}`;
    if (s.status !== 201) {
      expect(rows, `${where}: refused, yet a row was written`).toHaveLength(0);
      continue;
    }
    expect(rows, `${where}: one row`).toHaveLength(1);
    const seen = shown.find((r) => r.ID === s.id)!;
    // Whatever submittedAt says, the call is the one open when the request arrived: on time.
    expect(seen[REQUEST_COLUMNS.call], `${where}: the call open today`).toBe('DEMO');
    expect(seen[REQUEST_COLUMNS.late], `${where}: not late`).toBe('FALSE');
    const body = s.body as Record<string, unknown>;
    const expectCell = (header: string, sentValue: unknown) => {
      if (typeof sentValue !== 'string') return;
      const want = cleanText(sentValue);
      // Read back as the text sent (normalised), both as stored and as shown: never evaluated.
      expect(rows[0]![header], `${where}: ${header} as stored`).toBe(want);
      expect(seen[header], `${where}: ${header} as shown`).toBe(want);
    };
    expectCell(REQUEST_COLUMNS.id, body.submissionId);
    expectCell(REQUEST_COLUMNS.typedName, body.municipality);
    expectCell(REQUEST_COLUMNS.contactEmail, body.contactEmail);
    for (const [key, header] of Object.entries(USER_COLUMNS)) expectCell(header, body[key]);
    if (body.topic === 'other') expectCell(REQUEST_COLUMNS.topic, `${ca.choices.topicOther}: ${cleanText(String(body.topicOther))}`);
  }
  const ours400 = sent.filter((s) => s.status === 400 && s.expected.by === 'intake').length;
  const added = (await readLog(stack.api)).slice(logBefore);
  for (const s of sent.filter((x) => x.status === 201 && x.labels.some((l) => l.startsWith(FORGED_TIME)))) {
    const received = added.find((e) => e.kind === 'rebuda' && e.requestId === s.id);
    expect(received?.detail, `${s.id}: the sender's stamp kept in the log`).toContain(`rellotge_desfasat (${(s.body as { submittedAt: string }).submittedAt})`);
  }
  expect(added.filter((e) => e.kind === 'invalida'), 'each refused submission is recorded in Registre').toHaveLength(ours400);
  expect(await storedCellProblems(stack.api)).toEqual([]);
}

function checkEmails(sent: Sent[], mails: SinkMail[]): void {
  for (const m of mails) {
    expect(brokenHeaders(m), m.subject).toEqual([]);
    expect(foreignMarkup(htmlOf(m)), m.subject).toEqual([]);
  }
  for (const s of sent.filter((x) => x.status === 201)) {
    const confirmations = mails.filter((m) => m.custom_args?.kind === 'confirmacio' && m.custom_args.requestId === s.id);
    expect(confirmations, `${s.id}: one confirmation`).toHaveLength(1);
    const html = htmlOf(confirmations[0]!);
    const body = s.body as Record<string, unknown>;
    for (const key of ['contactName', 'contactRole', ...Object.keys(USER_COLUMNS)]) {
      const v = body[key];
      if (typeof v !== 'string' || cleanText(v) === '') continue;
      const text = cleanText(v);
      // User text is in the summary, escaped, its line breaks as <br>.
      expect(html, `${s.id}: ${key} escaped in the confirmation`).toContain(escaped(text).replace(/\n/g, '<br>'));
      if (/[<>&"']/.test(text)) expect(html.includes(text), `${s.id}: ${key} unescaped`).toBe(false);
    }
  }
}

test(`${CHUNK * RUNS} hostile requests: never a 500, never a formula, never foreign markup`, async ({ annotate }) => {
  const chunk = fc.array(fc.tuple(envelope, hostileBody), { minLength: CHUNK, maxLength: CHUNK });
  await fc.assert(
    fc.asyncProperty(chunk, async (cases) => {
      const logBefore = (await readLog(stack.api)).length;
      const mailsBefore = stack.sendgrid.messages().length;
      const sent = await sender.send(cases);
      for (const s of sent) checkAnswer(s);
      await checkRecorded(sent, logBefore);
      checkEmails(sent, stack.sendgrid.messages().slice(mailsBefore).map((m) => m.body as SinkMail));
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
  expect(sender.sent()).toBeGreaterThanOrEqual(500);
  // The corpus must reach every layer, or it proves less than it claims.
  const stats = sender.stats();
  for (const k of ['intake 201', 'intake 400', 'intake 401', 'guard 413', 'intake 415', 'framework 400']) expect(stats[k], k).toBeGreaterThan(0);
  await annotate(`answers: ${JSON.stringify(stats)}`);
}, 900_000);
