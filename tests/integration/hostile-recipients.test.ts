// Recipient cells as people leave them, through the local stack: a formula error, two
// addresses in one cell, member contacts that repeat. Nothing goes out blank, nothing is
// retried forever, nothing fails for everyone; staff are told once, with the cell.
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { LOCAL_SPREADSHEET_ID } from '../../emulators/demo';
import { Commission } from '../support/commission';
import { IN_CALL_2020_04, readLog, receiveOn, startTestStack, type TestStack } from '../support/stack';
import { validBody } from '../support/submissions';

let stack: TestStack;
let commission: Commission;
type Mail = { personalizations: Array<{ to: Array<{ email: string }>; bcc?: Array<{ email: string }> }>; custom_args?: Record<string, string>; content: Array<{ type: string; value: string }> };
const mails = () => stack.sendgrid.messages().map((m) => m.body as Mail);
const text = (m: Mail) => m.content.find((c) => c.type === 'text/plain')?.value ?? '';
const digestLines = () => mails().filter((m) => m.custom_args?.kind === 'resum').flatMap((m) => text(m).split('\n'));
const sweep = async () => expect((await fetch(`${stack.url}/sweep`, { method: 'POST' })).status).toBe(200);
const ids = ['r-formula', 'r-two', 'r-ann'];
const row = new Map<string, string>();

beforeAll(async () => {
  stack = await startTestStack();
  commission = new Commission(stack.api);
  receiveOn(IN_CALL_2020_04);
  for (const id of ids) {
    const res = await stack.post(validBody({ submissionId: id, contactEmail: `${id}@example.cat`, municipality: 'Manresa' }));
    expect(res.status).toBe(201);
    row.set(id, ((await res.json()) as { reference: string }).reference);
  }
  await sweep(); // what the first digest says about new requests, out of the way
}, 120_000);
afterAll(() => {
  vi.useRealTimers();
  return stack?.close();
});

test('a message cell showing #NAME? holds the decision; the digest names the cell, once', async () => {
  await commission.release('r-formula', 'Derivada', { 'Derivada a': 'Banc de recursos', 'Missatge al municipi': '=NOFUNCIO(1)' });
  for (let i = 0; i < 3; i++) await sweep();
  expect(mails().filter((m) => m.custom_args?.kind === 'decisio' && m.custom_args.requestId === 'r-formula')).toEqual([]);
  const about = digestLines().filter((l) => l.includes(row.get('r-formula')!) && l.includes('#NAME?'));
  expect(about).toHaveLength(1);
  expect(about[0]).toContain('«Missatge al municipi» (fila');
  await commission.type('r-formula', { 'Missatge al municipi': 'Us hi poden ajudar.' });
  await sweep();
  expect(mails().filter((m) => m.custom_args?.kind === 'decisio' && m.custom_args.requestId === 'r-formula')).toHaveLength(1);
});

test('two addresses in the recipient cell: no intent, no send, one digest item over four sweeps', async () => {
  await commission.type('r-two', { 'Correu electrònic': 'a@x.cat, b@y.cat' });
  await commission.release('r-two', 'Denegada', { 'Missatge al municipi': 'No és possible.' });
  for (let i = 0; i < 4; i++) await sweep();
  const log = (await readLog(stack.api)).filter((e) => e.requestId === 'r-two' && e.kind === 'decisio');
  expect(log).toEqual([]);
  expect(digestLines().filter((l) => l.includes(row.get('r-two')!) && l.includes('a@x.cat, b@y.cat'))).toHaveLength(1);
});

test('repeated member contacts and staff among them: the announcement goes, each address once', async () => {
  const members = await stack.api.spreadsheets.values.get({ spreadsheetId: LOCAL_SPREADSHEET_ID, range: 'Municipis!A2:A' });
  const n = (members.data.values ?? []).length;
  const contacts = Array.from({ length: n }, (_, i) => [i % 2 ? 'comu@xarxa.cat; Comu@Xarxa.cat' : `m${i}@xarxa.cat, secretaria@xmess.local`]);
  await stack.api.spreadsheets.values.update({ spreadsheetId: LOCAL_SPREADSHEET_ID, range: `Municipis!H2:H${n + 1}`, valueInputOption: 'RAW', requestBody: { values: contacts } });
  await commission.release('r-ann', 'Acceptada', { 'Servei assignat': 'Assessorament especialitzat', Difondre: true });
  await sweep(); // the decision
  await sweep(); // the announcement, once the acceptance was sent
  const announcements = mails().filter((m) => m.custom_args?.kind === 'difusio' && m.custom_args.requestId === 'r-ann');
  expect(announcements).toHaveLength(1);
  const p = announcements[0]!.personalizations[0]!;
  const all = [...p.to, ...(p.bcc ?? [])].map((a) => a.email.toLowerCase());
  expect(new Set(all).size).toBe(all.length);
  expect(all.filter((a) => a === 'comu@xarxa.cat')).toHaveLength(1);
  expect((p.bcc ?? []).map((a) => a.email)).not.toContain('secretaria@xmess.local');
});

test('the SendGrid adapter names each address once across to and bcc, whatever it is given', async () => {
  const { SendGridMailer } = await import('../../shared/adapters/sendgrid');
  const mailer = new SendGridMailer({ apiKey: 'SG.local', from: { email: 'secretaria@xmess.local' }, rootUrl: `${stack.url}/` });
  const before = mails().length;
  await mailer.send({ to: ['staff@xmess.cat', 'Staff@xmess.cat'], bcc: ['STAFF@xmess.cat', 'a@xarxa.cat', ' a@xarxa.cat', 'b@xarxa.cat'], subject: 's', text: 't', html: '<p>t</p>' });
  const p = mails().slice(before)[0]!.personalizations[0]!;
  expect(p.to.map((a) => a.email)).toEqual(['staff@xmess.cat']);
  expect((p.bcc ?? []).map((a) => a.email)).toEqual(['a@xarxa.cat', 'b@xarxa.cat']);
});
