// Checks a JSON request body against a schema of a discovery document the way Google's
// proto3 JSON parser does: unknown names, JSON types per field type and format, enum names,
// missing required fields, and the paths of update masks. Messages follow Google's wording,
// e.g. (both seen in answers from sheets.googleapis.com):
//   Invalid JSON payload received. Unknown name "headerValues" at 'requests[0].update_sheet_properties.properties': Cannot find field.
//   Invalid value at 'value_input_option' (type.googleapis.com/google.apps.sheets.v4.ValueInputOption), "USER_ENTER"
import { checkMask } from './masks';
import { scalarName, scalarOk } from './scalars';
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
      if (!ok) bad(path, typeUrl(pascal(String([...path].reverse().find((seg) => typeof seg === 'string')))), v);
      return;
    }
    if (!scalarOk(v, spec)) return bad(path, scalarName(spec), v);
    if (spec.maskOf && typeof v === 'string') out.push(...checkMask(data, spec.maskOf, v, path));
  }

  if (!isObj(body)) bad([], typeUrl(schema), body);
  else message(body, schema, [], false);
  return out;
}
