// proto3 JSON scalars: which JSON values a field of a discovery type and format takes, and
// the name Google's parser gives that type in "Invalid value at '…' (TYPE_INT32), …".
import type { PropSpec } from './types';

const INT = /^-?\d+$/;
const RANGE: Record<string, [number, number]> = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  uint32: [0, 2 ** 32 - 1],
};

/** Google's name for a scalar type in "Invalid value at … (TYPE_INT32)". */
export function scalarName(spec: PropSpec): string {
  switch (spec.format) {
    case 'int32': return 'TYPE_INT32';
    case 'uint32': return 'TYPE_UINT32';
    case 'int64': return 'TYPE_INT64';
    case 'uint64': return 'TYPE_UINT64';
    case 'double': return 'TYPE_DOUBLE';
    case 'float': return 'TYPE_FLOAT';
    case 'byte': return 'TYPE_BYTES';
    case 'google-datetime': return 'type.googleapis.com/google.protobuf.Timestamp';
    case 'google-duration': return 'type.googleapis.com/google.protobuf.Duration';
    case 'google-fieldmask': return 'type.googleapis.com/google.protobuf.FieldMask';
    default: return spec.type === 'boolean' ? 'TYPE_BOOL' : spec.type === 'integer' ? 'TYPE_INT32' : spec.type === 'number' ? 'TYPE_DOUBLE' : 'TYPE_STRING';
  }
}

/** Whether a JSON value is what proto3 JSON accepts for a scalar of this type and format. */
export function scalarOk(v: unknown, spec: PropSpec): boolean {
  const f = spec.format;
  if (f === 'int64' || f === 'uint64') {
    // 64-bit integers travel as strings (JavaScript cannot hold them) but numbers are accepted.
    const ok = typeof v === 'string' ? INT.test(v) : Number.isInteger(v);
    return ok && !(f === 'uint64' && String(v).startsWith('-'));
  }
  if (spec.type === 'integer') {
    const n = typeof v === 'string' && INT.test(v) ? Number(v) : v;
    const [lo, hi] = RANGE[f ?? 'int32'] ?? (RANGE.int32 as [number, number]);
    return Number.isInteger(n) && (n as number) >= lo && (n as number) <= hi;
  }
  if (spec.type === 'number') {
    if (typeof v === 'number') return Number.isFinite(v);
    return typeof v === 'string' && (['NaN', 'Infinity', '-Infinity'].includes(v) || (v.trim() !== '' && Number.isFinite(Number(v))));
  }
  if (spec.type === 'boolean') return typeof v === 'boolean';
  if (typeof v !== 'string') return false;
  if (f === 'google-datetime') return /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?(Z|[+-]\d\d:\d\d)$/.test(v) && !Number.isNaN(Date.parse(v));
  if (f === 'google-duration') return /^-?\d+(\.\d{1,9})?s$/.test(v);
  if (f === 'byte') return /^[A-Za-z0-9+/_-]*=*$/.test(v);
  return true;
}
