// Rules stated only in prose are enforced by Google's backend, not its JSON parser, and the
// backend names the request in camelCase ("Invalid requests[1].updateCells: …").
import { camelPath, snakePath } from './violations';
import type { Segment, Violation } from './violations';

export function backendViolation(path: readonly Segment[], field: string, text: string): Violation {
  const request = path[0] === 'requests' && typeof path[1] === 'number' ? path.slice(0, 3) : path;
  return { field: snakePath([...path, field]), description: `Invalid ${camelPath(request) || 'request'}: ${text}` };
}
