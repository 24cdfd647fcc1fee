import { describe, expect, test } from 'vitest';
import { parseSubmission } from '../../shared/domain/schema';
import { validBody } from '../support/submissions';

describe('intake schema', () => {
  test('accepts the contract and normalises text to NFC without controls', () => {
    const r = parseSubmission(validBody({ contactName: ' Nu\u0301ria\u202E Puig\u0000 ', need: 'a\r\nb' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.contactName).toBe('Núria Puig');
    expect(r.value.contactName).toBe(r.value.contactName.normalize('NFC'));
    expect(r.value.need).toBe('a\nb');
  });

  test.each([
    ['submissionId', 'has space', 'Identificador'],
    ['submissionId', 'x'.repeat(129), 'Identificador'],
    ['submittedAt', '2020-05-08', 'ISO 8601'],
    ['submittedAt', '2020-05-08T10:00:00', 'ISO 8601'],
    ['contactName', 'Anna\nPuig', 'una sola línia'],
    ['contactRole', 'a\rb', 'una sola línia'],
    ['contactEmail', 'no-és-correu', 'adreça de correu'],
    ['contactEmail', 'a@b.cat, c@d.cat', 'adreça de correu'],
    ['contactPhone', '9'.repeat(41), '40'],
    ['serviceType', 'tutoring', 'opcions'],
    ['trackRecord', 'old', 'opcions'],
    ['modality', 'hybrid', 'opcions'],
    ['need', 'x'.repeat(4001), '4.000'],
    ['need', '   ', 'Cal omplir'],
    ['priorityTheme', 'sí', 'format'],
    ['priorityThemeDetail', 'x'.repeat(2001), '2.000'],
    ['preferredDates', 'x'.repeat(501), '500'],
    ['municipality', undefined, 'Cal omplir'],
  ])('%s = %j is refused with a Catalan message naming the field', (key, value, fragment) => {
    const r = parseSubmission(validBody({ [key]: value }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const messages = r.fieldErrors[key] ?? [];
    expect(messages.join(' ')).toContain(fragment);
    expect(messages.join(' ')).toMatch(/«.+»|Cal/);
  });

  test('every commitment must be true', () => {
    const r = parseSubmission(validBody({ commitments: { availability: true, shareLearning: false, provideInformation: true } }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors.commitments).toHaveLength(1);
  });

  test('"other" topic needs topicOther', () => {
    const r = parseSubmission(validBody({ topic: 'other' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors.topicOther?.[0]).toContain('Altre àmbit');
    expect(parseSubmission(validBody({ topic: 'other', topicOther: 'Monedes socials' })).ok).toBe(true);
  });

  test('unknown keys and non-objects are named, in Catalan', () => {
    const r = parseSubmission(validBody({ isAdmin: true }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.formErrors).toMatchInlineSnapshot(`
      [
        "El camp «isAdmin» no forma part del formulari.",
      ]
    `);
    const arr = parseSubmission([1, 2]);
    expect(arr.ok).toBe(false);
    if (!arr.ok) expect(arr.formErrors[0]).toContain('objecte JSON');
  });

  test('optional fields may be empty strings', () => {
    const r = parseSubmission(validBody({ contactPhone: '', involvement: '' }));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.contactPhone).toBeUndefined();
  });
});
