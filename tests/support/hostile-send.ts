// Sends generated hostile requests to the stack's intake all at once (so the write queue
// coalesces them) and keeps, for each, what was sent, what the contract expects and what
// came back.
import type { HostileBody } from './hostile-bodies';
import { expectedAnswer, wire, type Answer, type Envelope } from './hostile-envelopes';
import type { TestStack } from './stack';

export interface Sent {
  id: string;
  labels: string[];
  body: unknown;
  expected: Answer;
  hostile: HostileBody;
  status: number;
  answer: Record<string, unknown> | undefined;
}

/** IDs a spreadsheet would happily read as numbers, between plain ones. */
const idFor = (n: number) => [`hx-${n}`, `-${n}`, `${n}e1`, `0${n}`, `hx_${n}`][n % 5]!;

export function hostileSender(stack: TestStack) {
  let next = 0;
  const stats: Record<string, number> = {};
  async function sendOne(e: Envelope, hostile: HostileBody): Promise<Sent> {
    const n = next++;
    const id = idFor(n);
    const body = hostile.build(id, `hx-${n}@example.cat`);
    const { raw, headers } = wire(e, body, stack.functionEnv.INTAKE_SECRET!);
    const expected = expectedAnswer(e, raw, !hostile.breaks);
    const res = await fetch(`${stack.url}/intake`, { method: 'POST', headers, body: Buffer.from(raw) });
    const text = await res.text();
    const answer = res.headers.get('content-type')?.startsWith('application/json') ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    stats[`${expected.by} ${res.status}`] = (stats[`${expected.by} ${res.status}`] ?? 0) + 1;
    const labels = [`signature ${e.signing}`, `content-type ${e.contentType}`, `payload ${e.payload}`, ...hostile.labels];
    return { id, labels, body, expected, hostile, status: res.status, answer };
  }
  return {
    send: (cases: ReadonlyArray<readonly [Envelope, HostileBody]>) => Promise.all(cases.map(([e, h]) => sendOne(e, h))),
    sent: () => next,
    /** Answers by the layer that gave them ("intake 201", "framework 400", …). */
    stats: () => ({ ...stats }),
  };
}
