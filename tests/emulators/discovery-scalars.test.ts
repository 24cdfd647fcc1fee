// Which JSON values proto3 JSON takes for each scalar type and format of a discovery
// document (int64 as string or number, int32 within range, doubles as numeric strings, …).
import { describe, expect, it } from 'vitest';
import { scalarOk } from '../../emulators/discovery/scalars';
import type { PropSpec } from '../../emulators/discovery/types';

const int32: PropSpec = { type: 'integer', format: 'int32' };
const uint32: PropSpec = { type: 'integer', format: 'uint32' };
const int64: PropSpec = { type: 'string', format: 'int64' };
const double: PropSpec = { type: 'number', format: 'double' };
const bool: PropSpec = { type: 'boolean' };
const text: PropSpec = { type: 'string' };
const time: PropSpec = { type: 'string', format: 'google-datetime' };

describe('scalarOk', () => {
  it.each<[string, PropSpec, unknown]>([
    ['int32 number', int32, 42],
    ['int32 as numeric string', int32, '-7'],
    ['int32 at its maximum', int32, 2 ** 31 - 1],
    ['uint32 at its maximum', uint32, 2 ** 32 - 1],
    ['int64 as string beyond 2^53', int64, '9007199254740993'],
    ['int64 as number', int64, 12],
    ['double', double, 0.5],
    ['double as string', double, '1e3'],
    ['double NaN as string', double, 'NaN'],
    ['bool', bool, false],
    ['string', text, ''],
    ['timestamp with offset and nanos', time, '2026-05-08T23:59:59.123456789+02:00'],
  ])('takes %s', (_what, spec, v) => {
    expect(scalarOk(v, spec)).toBe(true);
  });

  it.each<[string, PropSpec, unknown]>([
    ['a fraction for int32', int32, 1.5],
    ['int32 past its maximum', int32, 2 ** 31],
    ['a negative uint32', uint32, -1],
    ['a word for int32', int32, 'two'],
    ['a fraction for int64', int64, '1.5'],
    ['a bool for int64', int64, true],
    ['an empty string for double', double, ' '],
    ['an object for double', double, {}],
    ['a string for bool', bool, 'true'],
    ['a number for string', text, 5],
    ['a date without time for a timestamp', time, '2026-05-08'],
  ])('refuses %s', (_what, spec, v) => {
    expect(scalarOk(v, spec)).toBe(false);
  });
});
