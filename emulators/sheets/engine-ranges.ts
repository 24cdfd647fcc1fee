// What the emulator's replacements for HyperFormula functions (engine-criteria.ts,
// engine-lookup.ts) keep per range. HyperFormula gives every range that formulas refer to a
// vertex with a small cache (RangeVertex.functionCache: its own SUM keeps results there) and
// clears it whenever a cell of the range changes — before any formula reading the range is
// recalculated. Values read once, criterion masks and lookup maps kept there are therefore
// shared by all the formulas over a range and never outlive its contents.
import type { SimpleRangeValue } from 'hyperformula';

interface RangeCache {
  getFunctionValue(key: string): unknown;
  setFunctionValue(key: string, value: unknown): void;
}

/** The part of HyperFormula's dependency graph used here (FunctionPlugin.dependencyGraph). */
export interface RangeGraph {
  getRange(start: unknown, end: unknown): RangeCache | undefined;
}

/** Something derived from a range, computed once until the range changes. */
export function cached<T>(graph: RangeGraph, range: SimpleRangeValue, key: string, compute: () => T): T {
  const cache = range.range && graph.getRange(range.range.start, range.range.end);
  const hit = cache?.getFunctionValue(`emu:${key}`) as T | undefined;
  if (hit !== undefined) return hit;
  const value = compute();
  cache?.setFunctionValue(`emu:${key}`, value);
  return value;
}

/** The range's values, top-left first (read once until the range changes). */
export function rangeValues(graph: RangeGraph, range: SimpleRangeValue): unknown[] {
  return cached(graph, range, 'values', () => range.valuesFromTopLeftCorner());
}

/** HyperFormula's getRawValue: numbers formatted as dates, percentages… carry theirs in `val`. */
export const raw = (v: unknown): unknown =>
  typeof v === 'object' && v !== null && typeof (v as { val?: unknown }).val === 'number' ? (v as { val: number }).val : v;
