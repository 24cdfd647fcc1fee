// Checks a JSON request body against a schema of a discovery document the way Google's
// proto3 JSON parser does: unknown names, JSON types per field type and format, enum names,
// missing required fields, and the paths of update masks. Messages follow Google's wording,
// e.g. (both seen in answers from sheets.googleapis.com):
//   Invalid JSON payload received. Unknown name "headerValues" at 'requests[0].update_sheet_properties.properties': Cannot find field.
//   Invalid value at 'value_input_option' (type.googleapis.com/google.apps.sheets.v4.ValueInputOption), "USER_ENTER"
import { checkMask } from './masks';
import type { DiscoveryData, PropSpec } from './types';
import { snakePath } from './violations';
import type { Segment, Violation } from './violations';
import { camel, pascal } from './names';

type Json = Record<string, unknown>;
/** A rule Google states only in prose, run on every message of one schema the body contains. */
export type ProseRule = (value: Json, path: readonly Segment[]) => Violation[];

export interface BodyCheck {
  data: DiscoveryData;
  rules?: Record<string, ProseRule>;
  /** Required fields Google's own usage shows are not enforced in a given schema (see callers). */
  optional?: Record<string, readonly string[]>;
}

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

const INT = /^-?\d+$/;
const RANGE: Record<string, [number, number]> = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  uint32: [0, 2 ** 32 - 1],
};

/** Google's name for a scalar type in "Invalid value at … (TYPE_INT32)". */
function scalarName(spec: PropSpec): string {
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

export function checkBody(check: BodyCheck, schema: string, body: unknown): Violation[] {
  const { data } = check;
  const out: Violation[] = [];
  const typeUrl = (name: string) => `type.googleapis.com/${data.protoPackage}.${name}`;
  const bad = (path: readonly Segment[], type: string, v: unknown): void => {
    out.push({ field: snakePath(path), description: `Invalid value at '${snakePath(path)}' (${type}), ${show(v)}` });
  };

  // `partial`: below a message updated through a field mask, where only the masked fields
  // matter (updateFormInfo with mask "description" need not send the required title).
  function message(v: Json, name: string, path: Segment[], partial: boolean): void {
    const s = data.schemas[name];
    if (!s) return; // every $ref resolves (checked by the data's own test)
    const masked = partial || Object.values(s.properties).some((p) => p.maskOf);
    const here = snakePath(path);
    const present = new Set<string>();
    for (const [key, value] of Object.entries(v)) {
      // proto3 JSON accepts a field's lowerCamel name and its original snake_case name.
      const prop = s.properties[key] ? key : s.properties[camel(key)] ? camel(key) : undefined;
      if (!prop) {
        out.push({ field: here, description: `Invalid JSON payload received. Unknown name ${show(key)}${here ? ` at '${here}'` : ''}: Cannot find field.` });
        continue;
      }
      if (value === null || value === undefined) continue; // null means "default" in proto3 JSON
      present.add(prop);
      field(value, s.properties[prop] as PropSpec, [...path, prop], masked);
    }
    const optional = check.optional?.[name] ?? [];
    for (const req of partial ? [] : (s.required ?? [])) {
      if (present.has(req) || optional.includes(req)) continue;
      const spec = s.properties[req] as PropSpec;
      // A proto3 bool or number has no presence: Google cannot tell false or 0 from "not sent".
      if (spec.type === 'boolean' || spec.type === 'integer' || spec.type === 'number') continue;
      const missing = snakePath([...path, req]);
      out.push({ field: missing, description: `Invalid value at '${missing}': required field is not set.` });
    }
    const rule = check.rules?.[name];
    if (rule) out.push(...rule(v, path));
  }

  function field(v: unknown, spec: PropSpec, path: Segment[], partial: boolean): void {
    if (spec.type === 'array') {
      if (!Array.isArray(v)) return bad(path, spec.items?.$ref ? typeUrl(spec.items.$ref) : scalarName(spec.items ?? {}), v);
      v.forEach((el, i) => { if (el !== null) field(el, spec.items ?? {}, [...path, i], partial); });
      return;
    }
    if (Array.isArray(v) && spec.type !== 'any') {
      const name = path[path.length - 1] as string;
      const at = snakePath(path.slice(0, -1));
      out.push({ field: at, description: `Invalid JSON payload received. Unknown name ${show(name)}${at ? ` at '${at}'` : ''}: Proto field is not repeating, cannot start list.` });
      return;
    }
    if (spec.$ref) {
      if (!isObj(v)) return bad(path, typeUrl(spec.$ref), v);
      return message(v, spec.$ref, path, partial);
    }
    if (spec.type === 'any') return;
    if (spec.type === 'object') {
      if (!isObj(v)) return bad(path, 'type.googleapis.com/google.protobuf.Struct', v);
      const values = spec.additionalProperties;
      if (values) for (const [k, el] of Object.entries(v)) if (el !== null) field(el, values, [...path, k], partial);
      return;
    }
    if (spec.enum) {
      // The proto enum's own name is not in the discovery document: Google names the type
      // (ConditionType for BooleanCondition.type); we write the field's name in PascalCase.
      const ok = typeof v === 'string' ? spec.enum.includes(v) : Number.isInteger(v) && (v as number) >= 0 && (v as number) < spec.enum.length;
      if (!ok) bad(path, typeUrl(pascal(String(path[path.length - 1]))), v);
      return;
    }
    if (!scalarOk(v, spec)) return bad(path, scalarName(spec), v);
    if (spec.maskOf && typeof v === 'string') out.push(...checkMask(data, spec.maskOf, v, path));
  }

  if (!isObj(body)) bad([], typeUrl(schema), body);
  else message(body, schema, [], false);
  return out;
}
