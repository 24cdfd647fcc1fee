// MATCH with match type 0 (exact), replacing HyperFormula's for the same reason as
// engine-criteria.ts: every review and session row looks its request up with
// INDEX(…, MATCH(id, 'Sol·licituds'!$A:$A, 0)), and HyperFormula reads and normalises the
// whole column again for each of them. Here the column's normalised values are turned into a
// map (value → first position) once, kept with the range until one of its cells changes
// (engine-ranges.ts), and each MATCH is a lookup. The comparison is HyperFormula's own:
// strings lower-cased and stripped of accents, then strict equality, first match wins.
// Other match types and two-dimensional ranges go to HyperFormula's implementation.
import { CellError, EmptyValue, ErrorType, HyperFormula } from 'hyperformula';
import type { FunctionMetadata, FunctionPlugin, SimpleRangeValue } from 'hyperformula';
import { cached, rangeValues, raw } from './engine-ranges';
import type { RangeGraph } from './engine-ranges';

type Run = (args: unknown[], state: unknown, metadata: unknown, impl: (...arg: never[]) => unknown) => unknown;
interface LookupInternals {
  runFunction: Run;
  doMatch(key: unknown, range: SimpleRangeValue, type: number): unknown;
  dependencyGraph: RangeGraph;
}

// HyperFormula's forceNormalizeString.
const normalize = (v: unknown): unknown =>
  typeof v === 'string' ? v.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '') : v;

// HyperFormula's lookup plugin (VLOOKUP's, which is never replaced), extended.
const Lookup = HyperFormula.getFunctionPlugin('VLOOKUP') as typeof FunctionPlugin;

export class FastMatchPlugin extends Lookup {
  static override implementedFunctions = { MATCH: Lookup.implementedFunctions['MATCH'] as FunctionMetadata };

  match(ast: { args: unknown[] }, state: unknown): unknown {
    const my = this as unknown as LookupInternals;
    return my.runFunction(ast.args, state, this.metadata('MATCH'), (key: unknown, range: SimpleRangeValue, type: number) => {
      const k = key === EmptyValue ? 0 : key;
      if (type !== 0 || (range.width() > 1 && range.height() > 1)) return my.doMatch(k, range, type);
      const positions = cached(my.dependencyGraph, range, 'match', () => {
        const map = new Map<unknown, number>();
        rangeValues(my.dependencyGraph, range).forEach((v, i) => {
          const n = normalize(raw(v));
          if (!map.has(n)) map.set(n, i);
        });
        return map;
      });
      const at = positions.get(normalize(k));
      return at === undefined ? new CellError(ErrorType.NA, 'Value not found.') : at + 1;
    });
  }
}
