// The SendGrid adapter makes its one call on Node's http(s) instead of @sendgrid/mail. What
// reaches SendGrid must be what the official client sends for the same message (the sink
// keeps each body as received), and each failure must be classed as the sweep expects:
// refused for good (4xx) or worth another try (429, 5xx, no answer).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSendGridSink, type SendGridSink } from '../../emulators/sendgrid/index';
import { SendGridMailer } from '../../shared/adapters/sendgrid';
import { withDistinctRecipients } from '../../shared/emails/recipients';
import { UpstreamError } from '../../shared/errors';
import type { OutgoingEmail } from '../../shared/ports';
import { officialMailer } from '../support/sendgrid-client';

let server: Server;
let sink: SendGridSink;
let base: string;
const FROM = { email: 'secretaria@xmess.local', name: 'XMESS —\nSecretaria' };

beforeAll(async () => {
  sink = createSendGridSink({});
  server = createServer((req, res) => void sink.handle(req, res).then((handled) => (handled ? undefined : res.writeHead(404).end())));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise((r) => server.close(r)));

/** The message as the adapter before this one handed it to @sendgrid/mail. */
async function officialBody(message: OutgoingEmail): Promise<unknown> {
  const email = withDistinctRecipients(message);
  const mail = officialMailer(base, 'SG.local');
  const oneLine = (s: string) => s.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
  const before = sink.messages().length;
  await mail.send({
    from: { email: FROM.email, name: oneLine(FROM.name) },
    to: email.to.map(oneLine),
    bcc: email.bcc?.map(oneLine),
    replyTo: email.replyTo && oneLine(email.replyTo),
    subject: oneLine(email.subject),
    text: email.text,
    html: email.html,
    customArgs: email.customArgs,
    categories: email.categories,
  });
  return sink.messages()[before]!.body;
}

async function ourBody(email: OutgoingEmail): Promise<unknown> {
  const before = sink.messages().length;
  const { messageId } = await new SendGridMailer({ apiKey: 'SG.local', from: FROM, rootUrl: base }).send(email);
  const stored = sink.messages()[before]!;
  expect(stored.id).toBe(messageId);
  return stored.body;
}

const MESSAGES: Array<[string, OutgoingEmail]> = [
  ['a confirmation', { to: ['alcaldia@manresa.cat'], subject: 'Sol·licitud rebuda: XMESS-2020-04-001', text: 'Benvolgut,\n…', html: '<p>Benvolgut,</p>', replyTo: 'coordinacio@xmess.local', customArgs: { requestId: 's-1', kind: 'confirmacio' }, categories: ['confirmacio'] }],
  ['an announcement in bcc, a repeated address once', { to: ['secretaria@xmess.local'], bcc: ['a@girona.cat', 'b@vic.cat', 'secretaria@xmess.local'], subject: 'Resolució', text: 't', html: '<p>t</p>' }],
  ['a subject and reply-to with line breaks folded', { to: ['x@reus.cat', 'x@reus.cat'], subject: 'Línia 1\r\nBcc: intrus@example.com', text: 't', html: 'h', replyTo: 'r@xmess.local\n' }],
];

describe('the SendGrid adapter', () => {
  it.each(MESSAGES)('sends what @sendgrid/mail sends: %s', async (_, email) => {
    expect(await ourBody(email)).toEqual(await officialBody(email));
  });

  it('classes a refusal as for good, an outage or no answer as worth another try', async () => {
    const attempt = (opts: Partial<ConstructorParameters<typeof SendGridMailer>[0]>, email: OutgoingEmail = MESSAGES[0]![1]) =>
      new SendGridMailer({ apiKey: 'SG.local', from: FROM, rootUrl: base, ...opts }).send(email).then(
        () => 'sent',
        (e: unknown) => (e instanceof UpstreamError ? `${e.service} ${e.transient ? 'transient' : 'permanent'}${e.maybeDone ? ', maybe sent' : ''}: ${e.message}` : String(e)),
      );
    expect(await attempt({}, { ...MESSAGES[0]![1], to: ['no és una adreça'] })).toBe('sendgrid permanent: SendGrid send failed (400)');
    expect(await attempt({ apiKey: '' })).toBe('sendgrid permanent: SendGrid send failed (401)');
    sink.setFaults({ faultRate: 1 });
    expect(await attempt({})).toMatch(/^sendgrid transient: SendGrid send failed \(50[03]\)$/);
    sink.setFaults({ faultRate: 0, latencyMs: 300 });
    // No answer once the message was on its way: it may have been delivered.
    expect(await attempt({ timeoutMs: 50 })).toBe('sendgrid transient, maybe sent: SendGrid send failed');
    sink.setFaults({ latencyMs: 0 });
    expect(await attempt({ rootUrl: 'http://127.0.0.1:9/' })).toBe('sendgrid transient: SendGrid send failed');
  });
});
