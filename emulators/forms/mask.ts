// google.protobuf.FieldMask handling for the update requests of forms.batchUpdate.
import { invalid, isObj } from './http';
import type { Json } from './http';

/** Field masks may be written in snake_case or camelCase; we work in camelCase. */
export function maskPaths(mask: unknown, path: string): string[] {
  if (typeof mask !== 'string' || mask.trim() === '') throw invalid(`${path}.updateMask: at least one field must be specified.`);
  return mask.split(',').map((p) => p.trim().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()));
}

/** Copies the value at `path` from `src` into `dst`, deleting it when `src` has none (FieldMask semantics). */
export function applyPath(dst: Json, src: Json, path: string[]): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    if (src[head] === undefined) delete dst[head];
    else dst[head] = structuredClone(src[head]);
    return;
  }
  const next = isObj(dst[head]) ? dst[head] : (dst[head] = {});
  applyPath(next, isObj(src[head]) ? src[head] : {}, rest);
}
