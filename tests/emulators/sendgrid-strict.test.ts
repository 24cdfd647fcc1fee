// The SendGrid sink refuses what SendGrid documents refusing on v3/mail/send, answering
// {errors:[{message, field, help}]}: an address twice across to/cc/bcc of one
// personalization, custom_args values that are not strings, more than 1000 personalizations
// or 1000 recipients in a request, and a body over the 30 MB message limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSendGridSink } from '../../emulators/sendgrid/index';
import { serve } from './strict-support';

let server: Awaited<ReturnType<typeof serve>>;
let url: string;

beforeAll(async () => {
  server = await serve(createSendGridSink().handle);
  url = `${server.origin}/v3/mail/send`;
});
afterAll(() => server.close());

const send = (body: unknown) =>
  fetch(url, { method: 'POST', headers: { Authorization: 'Bearer SG.local', 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

const addr = (email: string) => ({ email });
const people = (n: number, tag: string) => Array.from({ length: n }, (_, i) => addr(`${tag}${i}@example.org`));
const message = (personalizations: unknown[], extra: Record<string, unknown> = {}) => ({
  personalizations,
  from: addr('noreply@example.org'),
  subject: 'Resolució',
  content: [{ type: 'text/plain', value: 'Hola' }],
  ...extra,
});

describe('v3/mail/send limits and uniqueness', () => {
  it.each([
    ['one recipient', message([{ to: [addr('a@example.org')] }])],
    ['the same address in two personalizations', message([{ to: [addr('a@example.org')] }, { to: [addr('a@example.org')] }])],
    ['exactly 1000 recipients across personalizations', message([{ to: people(600, 't') }, { to: people(300, 'u'), cc: people(50, 'c'), bcc: people(50, 'b') }])],
    ['string custom_args at both levels', message([{ to: [addr('a@example.org')], custom_args: { requestId: 'R-1' } }], { custom_args: { kind: 'decision' } })],
  ])('accepts %s (202)', async (_what, body) => {
    expect((await send(body)).status).toBe(202);
  });

  it.each([
    ['an address in to and bcc', message([{ to: [addr('a@example.org')], bcc: [addr('a@example.org')] }]), 'personalizations.0', /unique between to, cc, and bcc.*\[a@example\.org\] in the personalizations\.0\.bcc field/],
    ['an address in cc and bcc, differing in case', message([{ to: [addr('x@example.org')], cc: [addr('B@example.org')], bcc: [addr('b@example.org')] }]), 'personalizations.0', /unique between to, cc, and bcc/],
    ['a number in custom_args', message([{ to: [addr('a@example.org')] }], { custom_args: { attempt: 2 } }), 'custom_args.attempt', /must be a string/],
    ['a bool in a personalization\'s custom_args', message([{ to: [addr('a@example.org')], custom_args: { late: true } }]), 'personalizations.0.custom_args.late', /must be a string/],
    ['1001 recipients across personalizations', message([{ to: people(600, 't') }, { to: people(401, 'u') }]), 'personalizations', /limit of 1000 total recipients/],
    ['1001 personalizations', message(Array.from({ length: 1001 }, (_, i) => ({ to: [addr(`p${i}@example.org`)] }))), 'personalizations', /limited to 1000 personalizations/],
  ])('refuses %s (400)', async (_what, body, field, text) => {
    const res = await send(body);
    expect(res.status).toBe(400);
    const { errors } = (await res.json()) as { errors: Array<{ message: string; field: string | null; help: string | null }> };
    const hit = errors.find((e) => e.field === field);
    expect(hit, JSON.stringify(errors)).toBeDefined();
    expect(hit?.message).toMatch(text);
    expect(Object.keys(hit ?? {}).sort()).toEqual(['field', 'help', 'message']);
  });

  it('refuses a message over 30 MB before reading it as JSON (413)', async () => {
    const big = JSON.stringify(message([{ to: [addr('a@example.org')] }], { content: [{ type: 'text/plain', value: 'x'.repeat(30 * 1024 * 1024) }] }));
    const res = await send(big);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: Array<{ message: string }> }).errors[0]?.message).toMatch(/too large/);
  });
});
