// Requests that carry personal data in every shape the functions may meet: broken JSON
// (the framework's parser refuses it), the wrong content type, compressed, oversized, deep,
// unsigned, invalid and valid. What the process prints must hold none of PERSONAL.
import { sign } from '../../shared/domain/signature';
import { validBody } from './submissions';

export const PERSONAL = ['Ramona Ferrussola Vidal', 'Ferrussola', 'ramona.ferrussola@exemple.cat', '611 22 33 44'];
const [name, surname, email, phone] = PERSONAL as [string, string, string, string];

export interface Shot {
  label: string;
  path?: string;
  headers: Record<string, string>;
  body: string | Buffer | ReadableStream;
}

const person = { contactName: name, contactEmail: email, contactPhone: phone };

export function personalCorpus(secret: string): Shot[] {
  const broken = [
    `{"contactName":"${name}","contactEmail":"${email}",}`,
    `{'contactName':'${name}','contactEmail':'${email}'}`,
    `{"contactName":"${name}","contactEmail":"${email}"`,
    `"${name} <${email}>"`,
    `{"contactName":"${name}\u0000","need":"${surname}"}}`,
  ];
  const valid = (id: string, extra: Record<string, unknown> = {}) => JSON.stringify(validBody({ submissionId: id, ...person, ...extra }));
  const bodies: Array<[string, string, string]> = [
    ...broken.map((b, i): [string, string, string] => [`broken json ${i}`, b, 'application/json']),
    ['valid', valid('pd-valid'), 'application/json'],
    ['invalid email', valid('pd-bad-email', { contactEmail: `${name} <${email}>` }), 'application/json'],
    ['unknown key', valid('pd-unknown', { [surname]: email }), 'application/json'],
    ['too deep', `${'['.repeat(5000)}"${email}"${']'.repeat(5000)}`, 'application/json'],
    ['text/plain', valid('pd-text'), 'text/plain'],
    ['form-encoded', `contactName=${encodeURIComponent(name)}&contactEmail=${encodeURIComponent(email)}`, 'application/x-www-form-urlencoded'],
    ['latin1', valid('pd-latin1'), 'application/json; charset=latin1'],
    ['oversized', valid('pd-big', { need: `${name} `.repeat(20_000) }), 'application/json'],
  ];
  const shots: Shot[] = [];
  for (const [label, raw, type] of bodies) {
    shots.push({ label: `${label} · signed`, headers: { 'content-type': type, 'x-signature': sign(secret, raw) }, body: raw });
    shots.push({ label: `${label} · unsigned`, headers: { 'content-type': type }, body: raw });
  }
  const raw = valid('pd-gzip');
  shots.push({ label: 'compressed', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', 'x-signature': sign(secret, raw) }, body: raw });
  shots.push({
    label: 'chunked',
    headers: { 'content-type': 'application/json' },
    body: new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(broken[0]));
        c.close();
      },
    }),
  });
  // The other HTTP function meets the same guard.
  shots.push({ label: 'sweep · broken json', path: '/sweep', headers: { 'content-type': 'application/json' }, body: broken[0]! });
  return shots;
}
