// One call per emulator route: checks a request's query parameters, its `fields` selection
// and its body against the method's description in Google's discovery document, returning
// every violation (empty when Google would accept the request's shape). What the emulator
// does with a well-formed request is its own business; this only refuses malformed ones.
import { readFileSync } from 'node:fs';
import { checkBody } from './body';
import { scalarOk } from './scalars';
import type { BodyCheck, ProseRule } from './body';
import { checkSelection } from './masks';
import type { DiscoveryData, ParamSpec } from './types';
import type { Violation } from './violations';
import { pascal, snake } from './names';

export type { Violation } from './violations';
export { badRequest } from './violations';

const cache = new Map<string, DiscoveryData>();

/** The committed data for `sheets.v4`, `forms.v1` or `storage.v1` (see scripts/discovery.ts). */
export function discovery(api: 'sheets.v4' | 'forms.v1' | 'storage.v1'): DiscoveryData {
  let data = cache.get(api);
  if (!data) {
    data = JSON.parse(readFileSync(new URL(`./${api}.json`, import.meta.url), 'utf8')) as DiscoveryData;
    cache.set(api, data);
  }
  return data;
}

export interface CallCheck {
  rules?: Record<string, ProseRule>;
  optional?: BodyCheck['optional'];
}


function paramOk(v: string, spec: ParamSpec): boolean {
  if (spec.enum) return spec.enum.includes(v);
  if (spec.type === 'boolean') return v === 'true' || v === 'false';
  if (spec.type === 'integer' || spec.type === 'number') return scalarOk(v, spec);
  return true;
}

function checkQuery(data: DiscoveryData, params: Record<string, ParamSpec>, query: URLSearchParams): Violation[] {
  const out: Violation[] = [];
  for (const key of new Set(query.keys())) {
    const spec = params[key] ?? data.parameters[key];
    if (!spec) {
      // Google's answer to a query parameter that binds to nothing in the request message.
      out.push({ field: '', description: `Invalid JSON payload received. Unknown name "${key}": Cannot bind query parameter. Field '${key}' could not be found in request message.` });
      continue;
    }
    const values = query.getAll(key);
    for (const v of values) {
      if (paramOk(v, spec)) continue;
      const type = spec.enum ? `type.googleapis.com/${data.protoPackage}.${pascal(key)}` : spec.type === 'boolean' ? 'TYPE_BOOL' : spec.format === 'int64' ? 'TYPE_INT64' : spec.type === 'integer' ? 'TYPE_INT32' : 'TYPE_STRING';
      out.push({ field: snake(key), description: `Invalid value at '${snake(key)}' (${type}), ${JSON.stringify(v)}` });
    }
  }
  return out;
}

/**
 * Violations of method `methodId` (a discovery id, e.g. `sheets.spreadsheets.values.append`)
 * by this call; empty for ids the document does not have (the emulators' local endpoints).
 */
export function validateCall(
  data: DiscoveryData,
  methodId: string,
  call: { query: URLSearchParams; body?: unknown },
  opts: CallCheck = {},
): Violation[] {
  const method = data.methods[methodId];
  if (!method) return [];
  const out = checkQuery(data, method.parameters, call.query);
  const fields = call.query.get('fields');
  if (fields !== null) out.push(...checkSelection(data, method.response, fields));
  if (method.request) out.push(...checkBody({ data, rules: opts.rules, optional: opts.optional }, method.request, call.body ?? {}));
  return out;
}
