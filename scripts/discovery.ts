// Regenerates the emulators' validation data from Google's discovery documents:
//   npm run discovery -- --from DIR           writes emulators/discovery/<api>.json
//   npm run discovery -- --from DIR --check   exits 1 if the committed files differ
// DIR holds sheets.v4.json, forms.v1.json and storage.v1.json as Google publishes them (the static copies
// shipped in google-api-python-client under googleapiclient/discovery_cache/documents/).
// Only what request validation needs is kept, so a refresh shows up as a readable diff.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DiscoveryData, MethodSpec, ParamSpec, PropSpec, SchemaSpec } from '../emulators/discovery/types';

const DOCUMENTS = [
  { file: 'sheets.v4.json', protoPackage: 'google.apps.sheets.v4' },
  { file: 'forms.v1.json', protoPackage: 'google.apps.forms.v1' },
  { file: 'storage.v1.json', protoPackage: 'google.storage.v1' },
];
const OUT_DIR = resolve(fileURLToPath(new URL('../emulators/discovery/', import.meta.url)));

type Raw = Record<string, unknown>;
const obj = (v: unknown): Raw => (typeof v === 'object' && v !== null ? (v as Raw) : {});

function prop(p: Raw): PropSpec {
  const out: PropSpec = {};
  if (typeof p.type === 'string') out.type = p.type;
  if (typeof p.$ref === 'string') out.$ref = p.$ref;
  if (typeof p.format === 'string') out.format = p.format;
  if (Array.isArray(p.enum)) out.enum = p.enum.map(String);
  if (p.items) out.items = prop(obj(p.items));
  if (p.additionalProperties) out.additionalProperties = prop(obj(p.additionalProperties));
  return out;
}

function param(p: Raw): ParamSpec {
  const out: ParamSpec = { ...prop(p), location: p.location === 'path' ? 'path' : 'query' };
  if (p.repeated === true) out.repeated = true;
  if (p.required === true) out.required = true;
  return out;
}

const sorted = <T>(entries: [string, T][]): Record<string, T> =>
  Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

function schema(s: Raw): SchemaSpec {
  const props = obj(s.properties);
  // Google's generator writes proto field_behavior REQUIRED as a description starting "Required.".
  const required = Object.keys(props).filter((k) => /^Required\./.test(String(obj(props[k]).description ?? ''))).sort();
  const out: SchemaSpec = { properties: sorted(Object.entries(props).map(([k, v]) => [k, prop(obj(v))])) };
  if (required.length) out.required = required;
  return out;
}

function methods(resource: Raw, into: [string, MethodSpec][]): void {
  for (const m of Object.values(obj(resource.methods)).map(obj)) {
    const spec: MethodSpec = {
      httpMethod: String(m.httpMethod),
      path: String(m.path),
      parameters: sorted(Object.entries(obj(m.parameters)).map(([k, v]) => [k, param(obj(v))])),
    };
    if (m.request) spec.request = String(obj(m.request).$ref);
    if (m.response) spec.response = String(obj(m.response).$ref);
    into.push([String(m.id), spec]);
  }
  for (const sub of Object.values(obj(resource.resources))) methods(obj(sub), into);
}

/**
 * Which message a field mask of `owner` is relative to, read from its description the way a
 * person reads it ("The root `properties` is implied", "The fields of CellData", "The
 * `publish_settings` fields"); without such a sentence, the field named after the request
 * (UpdateItemRequest → item). Undefined when nothing resolves: such masks are not checked.
 */
function maskTarget(owner: string, description: string, schemas: Raw): string | undefined {
  const props = obj(obj(schemas[owner]).properties);
  const camel = (s: string) => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
  const viaPath = (path: string): string | undefined => {
    let here: Raw = props;
    let ref: string | undefined;
    for (const part of path.split('.').map(camel)) {
      ref = obj(here[part]).$ref as string | undefined;
      if (!ref) return undefined;
      here = obj(obj(schemas[ref]).properties);
    }
    return ref;
  };
  const named = /The root is the (\w+)|The fields of (\w+)/.exec(description);
  if (named) return named[1] ?? named[2];
  const root = /The root [`'"]?([\w.]+)[`'"]? is implied|The `(\w+)` fields/.exec(description);
  if (root) {
    const name = (root[1] ?? root[2]) as string;
    return viaPath(name) ?? (schemas[name] ? name : Object.values(props).map((v) => obj(v).$ref as string | undefined).find((r) => r === name));
  }
  const m = /^Update(\w+)Request$/.exec(owner);
  return m ? viaPath(((m[1] as string)[0] as string).toLowerCase() + (m[1] as string).slice(1)) : undefined;
}

function addMaskTargets(schemas: Record<string, SchemaSpec>, raw: Raw): void {
  for (const [name, s] of Object.entries(schemas)) {
    for (const [key, p] of Object.entries(s.properties)) {
      if (p.format !== 'google-fieldmask') continue;
      const target = maskTarget(name, String(obj(obj(obj(raw[name]).properties)[key]).description ?? ''), raw);
      if (target) p.maskOf = target;
    }
  }
}

export function compact(file: string, doc: Raw, protoPackage: string): DiscoveryData {
  const all: [string, MethodSpec][] = [];
  methods(doc, all);
  const schemas = sorted(Object.entries(obj(doc.schemas)).map(([k, v]) => [k, schema(obj(v))]));
  addMaskTargets(schemas, obj(doc.schemas));
  return {
    source: file,
    revision: String(doc.revision),
    protoPackage,
    parameters: sorted(Object.entries(obj(doc.parameters)).map(([k, v]) => [k, param(obj(v))])),
    methods: sorted(all),
    schemas,
  };
}

function main(argv: string[]): number {
  const at = argv.indexOf('--from');
  const from = at >= 0 ? argv[at + 1] : undefined;
  if (!from) {
    process.stderr.write('usage: npm run discovery -- --from DIR [--check]\n');
    return 2;
  }
  const check = argv.includes('--check');
  let stale = 0;
  for (const { file, protoPackage } of DOCUMENTS) {
    const doc = JSON.parse(readFileSync(join(from, file), 'utf8')) as Raw;
    const text = `${JSON.stringify(compact(file, doc, protoPackage), null, 1)}\n`;
    const target = join(OUT_DIR, file);
    if (!check) {
      writeFileSync(target, text);
      process.stdout.write(`wrote emulators/discovery/${file} (revision ${String(doc.revision)})\n`);
      continue;
    }
    let committed = '';
    try {
      committed = readFileSync(target, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (committed !== text) stale++;
    process.stdout.write(`${committed === text ? 'up to date' : 'STALE'}: emulators/discovery/${file} (revision ${String(doc.revision)})\n`);
  }
  return stale ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
