import { expect, test } from 'vitest';
import { refuseByHeaders, refusalOf } from '../../functions/body-guard';
import { JSON_LIMITS, withinJsonLimits } from '../../shared/domain/json-limits';
import { validBody } from '../support/submissions';

test.each([
  [{}, undefined],
  [{ 'content-length': '262144' }, undefined],
  [{ 'content-length': '262145' }, 413],
  [{ 'content-length': '31457280' }, 413],
  [{ 'transfer-encoding': 'chunked' }, 411],
  [{ 'content-length': '10', 'content-encoding': 'gzip' }, 415],
  [{ 'content-length': '10', 'content-encoding': 'Identity' }, undefined],
])('headers %j → %s', (headers, status) => {
  expect(refuseByHeaders(headers)?.status).toBe(status);
});

test('a framework error becomes an answer that never quotes the body', () => {
  const parseError = Object.assign(new SyntaxError('Unexpected token in {"a":"secret"}'), { status: 400, type: 'entity.parse.failed', body: '{"a":"secret"}' });
  expect(JSON.stringify(refusalOf(parseError))).not.toContain('secret');
  expect(refusalOf(parseError)).toMatchObject({ status: 400, type: 'entity.parse.failed' });
  expect(refusalOf(new Error('boom')).status).toBe(500);
  expect(refusalOf(undefined).status).toBe(404);
});

const nested = (levels: number): unknown => JSON.parse(`${'['.repeat(levels)}${']'.repeat(levels)}`);

test.each([
  ['a submission', () => validBody(), true],
  ['16 levels', () => nested(16), true],
  ['17 levels', () => nested(17), false],
  ['10,000 levels', () => nested(10_000), false],
  ['too many values', () => Array.from({ length: JSON_LIMITS.maxValues }, () => 1), false],
  ['a scalar', () => 'text', true],
])('%s within limits: %s', (_label, value, ok) => {
  expect(withinJsonLimits(value())).toBe(ok);
});
