// Field masks, used two ways by Google: as the `fields` query parameter (partial responses,
// e.g. `sheets.properties(sheetId,title)`) and as the `fields` member of update requests
// (`updateSheetProperties`, `updateCells`, `repeatCell`: which members to overwrite; a member
// named in the mask but absent from the source is cleared). Both share one syntax: paths
// separated by commas, segments by `.` or `/`, sub-selections in parentheses, `*` for all.

export type FieldTree = Map<string, FieldTree>; // empty map = the whole member

export function parseFieldMask(mask: string): FieldTree {
  let i = 0;
  const src = mask.replace(/\s+/g, '');

  function parseList(): FieldTree {
    const tree: FieldTree = new Map();
    for (;;) {
      parseItem(tree);
      if (src[i] === ',') {
        i++;
        continue;
      }
      return tree;
    }
  }

  function parseItem(into: FieldTree): void {
    let name = '';
    while (i < src.length && !',()./'.includes(src[i] as string)) name += src[i++];
    if (!name) throw new Error(`Invalid field mask: ${mask}`);
    const existing = into.get(name);
    // A member already selected whole stays whole; a narrower path is parsed and dropped.
    const sub = existing && existing.size === 0 ? new Map<string, FieldTree>() : (existing ?? new Map());
    if (src[i] === '.' || src[i] === '/') {
      i++;
      parseItem(sub);
      if (!existing) into.set(name, sub);
      return;
    }
    if (src[i] === '(') {
      i++;
      const inner = parseList();
      if (src[i] !== ')') throw new Error(`Invalid field mask: ${mask}`);
      i++;
      for (const [k, v] of inner) sub.set(k, v);
      if (!existing) into.set(name, sub);
      return;
    }
    into.set(name, new Map()); // whole member wins over any narrower selection
  }

  const tree = parseList();
  if (i !== src.length) throw new Error(`Invalid field mask: ${mask}`);
  return tree;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Partial response: keeps only the selected members (arrays are filtered element-wise). */
export function selectFields(value: unknown, tree: FieldTree): unknown {
  if (tree.size === 0 || tree.has('*')) return value;
  if (Array.isArray(value)) return value.map((v) => selectFields(v, tree));
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of tree) {
    if (key in value) out[key] = selectFields(value[key], sub);
  }
  return out;
}

/** Whether a partial response with this mask keeps the member at `path`. */
export function selects(tree: FieldTree, path: readonly string[]): boolean {
  let node = tree;
  for (const key of path) {
    if (node.size === 0 || node.has('*')) return true;
    const sub = node.get(key);
    if (!sub) return false;
    node = sub;
  }
  return true;
}

/**
 * Update mask: copies the masked members from `source` into `target`, deleting the ones the
 * source lacks. `*` replaces the whole object.
 */
export function applyMask(
  target: Record<string, unknown>,
  source: Record<string, unknown>,
  tree: FieldTree,
): void {
  if (tree.has('*')) {
    for (const k of Object.keys(target)) delete target[k];
    Object.assign(target, structuredClone(source));
    return;
  }
  for (const [key, sub] of tree) {
    const src = source[key];
    if (sub.size === 0) {
      if (src === undefined) delete target[key];
      else target[key] = structuredClone(src);
      continue;
    }
    // A copy: the nested object may be shared with the stored cell a write started from.
    const dst = isObject(target[key]) ? { ...(target[key] as Record<string, unknown>) } : {};
    applyMask(dst, isObject(src) ? src : {}, sub);
    if (Object.keys(dst).length) target[key] = dst;
    else delete target[key];
  }
}
