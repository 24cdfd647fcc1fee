// How deep and how large a parsed body may be before any code walks it. JSON.parse itself
// copes with 10,000 nested arrays, but the code after it (validation, String(), the log)
// recurses and overflows the stack: a 500 with nothing recorded. Walked without recursion.

export interface JsonLimits {
  /** Nesting of arrays and objects; a submission needs 2. */
  maxDepth: number;
  /** Values of every kind, keys not counted; a submission has about 30. */
  maxValues: number;
}

export const JSON_LIMITS: JsonLimits = { maxDepth: 16, maxValues: 5_000 };

export function withinJsonLimits(value: unknown, limits: JsonLimits = JSON_LIMITS): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  let values = 0;
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (++values > limits.maxValues) return false;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > limits.maxDepth) return false;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return true;
}
