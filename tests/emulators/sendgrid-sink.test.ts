import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSendGridSink, validateMailSend } from '../../emulators/sendgrid/index';
import type { SendGridSink, SendGridSinkOptions } from '../../emulators/sendgrid/index';
import { officialMailer, type SgMail } from '../support/sendgrid-client';

let server: Server;
let sink: SendGridSink;
let base: string;

async function start(opts: SendGridSinkOptions = {}): Promise<void> {
  sink = createSendGridSink(opts);
  server = createServer((req, res) => {
    void sink.handle(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const mailer = (apiKey?: string): SgMail => officialMailer(`${base}/`, apiKey);

const good = () => ({
  personalizations: [{ to: [{ email: 'mentee@example.org' }] }],
  from: { email: 'noreply@example.org', name: 'Mentoring' },
  subject: 'Welcome',
  content: [{ type: 'text/plain', value: 'Hi' }, { type: 'text/html', value: '<p>Hi</p>' }],
});

function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/v3/mail/send`, {
    method: 'POST',
    headers: { Authorization: 'Bearer SG.local', 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

afterEach(async () => {
  await new Promise((r) => server.close(r));
});

describe('with the real @sendgrid/mail client', () => {
  beforeEach(() => start());

  it('accepts a send, answers 202 with X-Message-Id, and stores it in /outbox', async () => {
    const [res] = await mailer('SG.local').send({
      to: 'mentee@example.org',
      from: { email: 'noreply@example.org', name: 'Mentoring' },
      subject: 'Your mentor',
      text: 'plain',
      html: '<b>html</b>',
      customArgs: { submissionId: 'abc' },
      categories: ['match'],
    });
    expect(res.statusCode).toBe(202);
    const id = res.headers['x-message-id'] as string;
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);

    const outbox = (await (await fetch(`${base}/outbox`)).json()) as Array<{ id: string; body: any }>;
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.id).toBe(id);
    expect(outbox[0]?.body.personalizations[0].to[0].email).toBe('mentee@example.org');
    expect(outbox[0]?.body.content.map((c: { type: string }) => c.type)).toEqual(['text/plain', 'text/html']);
    expect(outbox[0]?.body.custom_args).toEqual({ submissionId: 'abc' });
    expect(sink.counters()).toEqual({ total: 1, accepted: 1, rejected: 0 });
  });

  it('turns an invalid body into the client ResponseError carrying the 400 body', async () => {
    const err = await mailer('SG.local')
      .send({ to: 'not-an-address', from: 'noreply@example.org', subject: 's', text: 't' })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 400 });
    const body = (err as { response: { body: { errors: Array<{ field: string; message: string; help: string }> } } }).response.body;
    expect(body.errors).toEqual([expect.objectContaining({ field: 'personalizations.0.to.0.email' })]);
    expect(body.errors[0]?.help).toMatch(/^http:\/\/sendgrid\.com\/docs\//);
    expect(sink.messages()).toEqual([]);
  });

  it('answers 401 with SendGrid\'s body when no API key is configured', async () => {
    const err = await mailer().send({ to: 'a@example.org', from: 'b@example.org', subject: 's', text: 't' }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 401,
      response: { body: { errors: [{ message: 'The provided authorization grant is invalid, expired, or revoked', field: null, help: null }] } },
    });
  });
});

describe('wire-level validation', () => {
  beforeEach(() => start());

  it('lists every problem in one 400', async () => {
    const res = await post({
      personalizations: [{ to: [{ email: 'x@example.org' }, { email: 'X@example.org' }] }, { to: [] }],
      from: { email: 'bad' },
      content: [{ type: 'text/html', value: '<p/>' }, { type: 'text/plain', value: '' }],
      headers: { 'X-Evil': 'a\r\nBcc: victim@example.org', 'Reply-To': 'r@example.org' },
      custom_args: { n: 1 },
      categories: ['', 'ok'],
      reply_to: { email: 'nope' },
    });
    expect(res.status).toBe(400);
    const fields = ((await res.json()) as { errors: Array<{ field: string | null }> }).errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining([
      'personalizations.0', // duplicate address (case-insensitive)
      'personalizations.0.subject',
      'personalizations.1.to',
      'from.email',
      'reply_to.email',
      'content', // text/html before text/plain
      'content.1.value',
      'headers.X-Evil',
      'headers.Reply-To', // reserved
      'custom_args.n',
      'categories.0',
    ]));
  });

  it('accepts a per-personalization subject instead of a top-level one, and template sends without content', () => {
    const { subject: _omit, ...noTop } = good();
    expect(validateMailSend({ ...noTop, personalizations: [{ to: [{ email: 'a@example.org' }], subject: 'S' }] })).toEqual([]);
    expect(validateMailSend({ ...noTop, personalizations: [{ to: [{ email: 'a@example.org' }] }], content: undefined, template_id: 'd-123' })).toEqual([]);
  });

  it('caps personalizations at 1000', () => {
    const many = Array.from({ length: 1001 }, (_, i) => ({ to: [{ email: `u${i}@example.org` }] }));
    expect(validateMailSend({ ...good(), personalizations: many })).toEqual([expect.objectContaining({ field: 'personalizations' })]);
  });

  it('requires a Bearer key, JSON content type and parseable JSON', async () => {
    expect((await post(good(), { Authorization: 'Bearer ' })).status).toBe(401);
    expect((await post(good(), { Authorization: 'Basic abc' })).status).toBe(401);
    expect((await post(good(), { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await post('{not json')).status).toBe(400);
    expect((await post(good(), { 'Content-Type': 'application/json; charset=utf-8' })).status).toBe(202);
    expect(sink.counters()).toEqual({ total: 5, accepted: 1, rejected: 4 });
  });

  it('leaves other paths to the host server', async () => {
    expect((await fetch(`${base}/v3/mail/batch`, { method: 'POST' })).status).toBe(404);
  });
});

describe('faults, latency and persistence', () => {
  it('answers 500/503 for the configured share and stores nothing', async () => {
    const rolls = [0.1, 0.2, 0.1, 0.9, 0.9];
    await start({ faultRate: 0.5, random: () => rolls.shift() ?? 0.99 });
    expect((await post(good())).status).toBe(500); // fault roll 0.1, code roll 0.2
    expect((await post(good())).status).toBe(503); // fault roll 0.1, code roll 0.9
    expect((await post(good())).status).toBe(202); // 0.9 >= faultRate
    expect(sink.messages()).toHaveLength(1);
    sink.setFaults({ faultRate: 0, latencyMs: 120 });
    const t0 = Date.now();
    expect((await post(good())).status).toBe(202);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(100);
  });

  it('persists to stateFile atomically and reloads it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-sink-'));
    try {
      const stateFile = join(dir, 'nested', 'outbox.json');
      await start({ stateFile });
      const res = await post(good());
      const id = res.headers.get('x-message-id');
      expect(readdirSync(join(dir, 'nested'))).toEqual(['outbox.json']); // no temp file left behind
      expect(createSendGridSink({ stateFile }).messages().map((m) => m.id)).toEqual([id]);
      sink.reset();
      expect(createSendGridSink({ stateFile }).messages()).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
