import { describe, expect, test } from 'vitest';
import { sign, verifySignature } from '../../shared/domain/signature';

const body = Buffer.from('{"a":1}');
const now = 1_700_000_000;

describe('signature', () => {
  test('a fresh signature of these bytes verifies', () => {
    expect(verifySignature(sign('s3cret-s3cret-s3cret', body, now), body, ['s3cret-s3cret-s3cret'], now)).toBe(true);
  });

  test.each([
    ['stale', sign('k'.repeat(20), body, now - 301)],
    ['future', sign('k'.repeat(20), body, now + 301)],
    ['other body', sign('k'.repeat(20), Buffer.from('{"a":2}'), now)],
    ['other secret', sign('x'.repeat(20), body, now)],
    ['malformed', 't=abc,v1=zz'],
    ['no v1', `t=${now}`],
    ['empty', ''],
  ])('%s is refused', (_name, header) => {
    expect(verifySignature(header, body, ['k'.repeat(20)], now)).toBe(false);
  });

  test('rotation: several v1 from the sender, several secrets here', () => {
    const oldSig = sign('old-secret-old-secret', body, now).split(',')[1];
    const header = `${sign('new-secret-new-secret', body, now)},${oldSig}`;
    expect(verifySignature(header, body, ['old-secret-old-secret'], now)).toBe(true);
    expect(verifySignature(sign('old-secret-old-secret', body, now), body, ['new-secret-new-secret', 'old-secret-old-secret'], now)).toBe(true);
  });
});
