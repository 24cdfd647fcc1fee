// Field masks checked against the schema they select from: the `fields` query parameter
// (partial responses, relative to the method's response) and the update masks inside request
// bodies (`updateSheetProperties.fields`, Forms `updateItem.updateMask`, …, relative to the
// message the discovery description names, see maskOf). Google refuses a name it cannot find:
//   Error expanding 'fields' parameter. Cannot find matching fields for path ' sheets.properties'.
// (Sheets' answer to `fields=properties, sheets.properties`, quoted in
// ringo380/claude-google-sheets-mcp issue 2: the parser keeps the space as part of the name.)
import { parseFieldMask } from '../sheets/fields';
import type { FieldTree } from '../sheets/fields';
import type { DiscoveryData, PropSpec } from './types';
import { camelPath, snakePath } from './violations';
import type { Segment, Violation } from './violations';
import { camel } from './names';


/** Paths of the mask that name no field, each written as in the mask (`a.b.c`). */
export function unknownPaths(data: DiscoveryData, schema: string, tree: FieldTree, prefix = ''): string[] {
  const props = data.schemas[schema]?.properties ?? {};
  const out: string[] = [];
  for (const [name, sub] of tree) {
    const here = prefix ? `${prefix}.${name}` : name;
    if (name === '*') continue;
    const spec: PropSpec | undefined = props[name] ?? props[camel(name)];
    if (!spec) {
      out.push(here);
      continue;
    }
    if (sub.size === 0) continue;
    const ref = spec.$ref ?? spec.items?.$ref;
    // Below a map, a Struct or a scalar, names are data (or nothing): only messages are walked.
    if (ref) out.push(...unknownPaths(data, ref, sub, here));
    else if (spec.type !== 'object' && spec.type !== 'any' && spec.items?.type !== 'any') out.push(here);
  }
  return out;
}

function parse(mask: string): FieldTree | undefined {
  try {
    return parseFieldMask(mask);
  } catch {
    return undefined;
  }
}

/** The `fields` query parameter of a method whose response is `schema`. */
export function checkSelection(data: DiscoveryData, schema: string | undefined, fields: string): Violation[] {
  const describe = (path: string): Violation => ({
    field: 'fields',
    description: `Error expanding 'fields' parameter. Cannot find matching fields for path '${path}'.`,
  });
  // Whitespace is not skipped by Google's parser: the name with the space is looked up and missed.
  const spaced = fields.split(',').find((p) => /\s/.test(p));
  if (spaced !== undefined) return [describe(spaced)];
  const tree = parse(fields);
  if (!tree) return [{ field: 'fields', description: `Invalid field selection ${fields}` }];
  if (!schema) return [];
  return unknownPaths(data, schema, tree).map(describe);
}

/** An update mask inside a body: every path must name a field of the message it updates. */
export function checkMask(data: DiscoveryData, schema: string, mask: string, path: readonly Segment[]): Violation[] {
  if (mask.trim() === '' || mask.trim() === '*') return [];
  const at = snakePath(path);
  const where = camelPath(path.slice(0, -1));
  const tree = parse(mask);
  if (!tree) return [{ field: at, description: `Invalid ${where}: Invalid field mask ${JSON.stringify(mask)}.` }];
  return unknownPaths(data, schema, tree).map((p) => ({
    field: at,
    description: `Invalid ${where}: field mask names '${p}', which is not a field of ${schema}.`,
  }));
}
