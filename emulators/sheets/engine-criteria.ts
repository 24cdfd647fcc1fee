// COUNTIF, COUNTIFS, SUMIF and SUMIFS, replacing HyperFormula's own (same arguments, same
// criteria, same result) because its version walks every range through chains of generators
// and reads it again for each formula. The workspace has a whole-column COUNTIFS or SUMIFS in
// every request row (log lookups, ranks, review means), so after an edit a thousand of them
// run over the same few columns: that took seconds per recalculation.
//
// Each criterion is still HyperFormula's own test (criterionBuilder: wildcards, `>=`, `<>`,
// numbers against text, booleans, blanks), but
//  - a range's values are read once and shared by every formula reading that range, and
//  - a criterion met twice on the same range ("decisio", TRUE, ">=0") becomes a mask, and the
//    formula's other criteria (usually its own ID) are tested only on the rows it lets through.
// Both are kept with the range (engine-ranges.ts) until one of its cells changes.
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin } from 'hyperformula';
import type { SimpleRangeValue } from 'hyperformula';
import { cached, rangeValues, raw } from './engine-ranges';
import type { RangeGraph } from './engine-ranges';

type Lambda = (value: unknown) => boolean;
type RunFunction = (args: unknown[], state: unknown, metadata: unknown, impl: (...arg: never[]) => unknown) => unknown;
interface Internals {
  runFunction: RunFunction;
  interpreter: { criterionBuilder: { fromCellValue(raw: unknown, helper: unknown): { raw: unknown; lambda: Lambda } | undefined } };
  arithmeticHelper: { nonstrictadd(a: unknown, b: unknown): unknown };
  dependencyGraph: RangeGraph;
}

/** Where a criterion holds on a range: per position, and the matching positions in order. */
interface Mask {
  hit: Uint8Array;
  rows: Int32Array;
}

function mask(values: unknown[], lambda: Lambda): Mask {
  const hit = new Uint8Array(values.length);
  const rows: number[] = [];
  values.forEach((v, i) => {
    if (lambda(raw(v))) {
      hit[i] = 1;
      rows.push(i);
    }
  });
  return { hit, rows: Int32Array.from(rows) };
}

class FastCriteriaPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    COUNTIF: { method: 'countif', parameters: [{ argumentType: FunctionArgumentType.RANGE }, { argumentType: FunctionArgumentType.NOERROR }] },
    COUNTIFS: { method: 'countifs', parameters: [{ argumentType: FunctionArgumentType.RANGE }, { argumentType: FunctionArgumentType.NOERROR }], repeatLastArgs: 2 },
    SUMIF: {
      method: 'sumif',
      parameters: [{ argumentType: FunctionArgumentType.RANGE }, { argumentType: FunctionArgumentType.NOERROR }, { argumentType: FunctionArgumentType.RANGE, optionalArg: true }],
    },
    SUMIFS: {
      method: 'sumifs',
      parameters: [{ argumentType: FunctionArgumentType.RANGE }, { argumentType: FunctionArgumentType.RANGE }, { argumentType: FunctionArgumentType.NOERROR }],
      repeatLastArgs: 2,
    },
  };

  private get my(): Internals {
    return this as unknown as Internals;
  }

  countif(ast: { args: unknown[] }, state: unknown): unknown {
    return this.run('COUNTIF', ast, state, (range: SimpleRangeValue, criterion: unknown) => this.aggregate(undefined, [range, criterion]));
  }

  countifs(ast: { args: unknown[] }, state: unknown): unknown {
    return this.run('COUNTIFS', ast, state, (...args: unknown[]) => this.aggregate(undefined, args));
  }

  sumif(ast: { args: unknown[] }, state: unknown): unknown {
    return this.run('SUMIF', ast, state, (range: SimpleRangeValue, criterion: unknown, sum?: SimpleRangeValue) =>
      this.aggregate(sum ?? range, [range, criterion]),
    );
  }

  sumifs(ast: { args: unknown[] }, state: unknown): unknown {
    return this.run('SUMIFS', ast, state, (sum: SimpleRangeValue, ...args: unknown[]) => this.aggregate(sum, args));
  }

  private run(name: string, ast: { args: unknown[] }, state: unknown, impl: (...args: never[]) => unknown): unknown {
    return this.my.runFunction(ast.args, state, this.metadata(name), impl);
  }

  /** COUNTIFS when `sum` is undefined, SUMIFS otherwise; `pairs` = range, criterion, … */
  private aggregate(sum: SimpleRangeValue | undefined, pairs: unknown[]): unknown {
    const size = sum ?? (pairs[0] as SimpleRangeValue);
    const conditions: Array<{ range: SimpleRangeValue; lambda: Lambda; key: string }> = [];
    for (let i = 0; i < pairs.length; i += 2) {
      const range = pairs[i] as SimpleRangeValue;
      const criterion = this.my.interpreter.criterionBuilder.fromCellValue(pairs[i + 1], this.my.arithmeticHelper);
      if (!criterion) return new CellError(ErrorType.VALUE, 'Incorrect criterion.');
      const value = raw(criterion.raw);
      conditions.push({ range, lambda: criterion.lambda, key: `criterion:${typeof value}:${String(value)}` });
    }
    // Checked after every criterion, as HyperFormula does (a bad criterion wins).
    if (conditions.some((c) => !c.range.sameDimensionsAs(size))) return new CellError(ErrorType.VALUE, 'Ranges need to be of equal length.');
    const n = size.numberOfElements();
    const graph = this.my.dependencyGraph;
    const masks: Mask[] = [];
    const lazy: typeof conditions = [];
    for (const c of conditions) {
      // The first formula to test a criterion on a range only notes it; from the second on,
      // the criterion's mask over the whole range is built once and shared.
      const uses = cached(graph, c.range, `${c.key}:uses`, () => ({ count: 0 }));
      if (++uses.count < 2) lazy.push(c);
      else masks.push(cached(graph, c.range, `${c.key}:mask`, () => mask(rangeValues(graph, c.range), c.lambda)));
    }
    const lazyValues = lazy.map((c) => rangeValues(graph, c.range));
    const sumValues = sum ? rangeValues(graph, sum) : undefined;
    // Only the rows of the most selective mask are visited (in order, as HyperFormula sums).
    const seed = masks.reduce<Mask | undefined>((best, m) => (!best || m.rows.length < best.rows.length ? m : best), undefined);
    let acc: unknown = 0;
    const visit = (i: number): void => {
      for (const m of masks) if (!m.hit[i]) return;
      for (let k = 0; k < lazy.length; k++) if (!(lazy[k] as (typeof lazy)[number]).lambda(raw(lazyValues[k]?.[i]))) return;
      if (!sumValues) acc = (acc as number) + 1;
      else {
        const v = sumValues[i];
        const mapped = v instanceof CellError ? v : typeof v === 'number' ? v : typeof raw(v) === 'number' ? raw(v) : undefined;
        acc = this.my.arithmeticHelper.nonstrictadd(acc, mapped);
      }
    };
    if (seed) for (const i of seed.rows) visit(i);
    else for (let i = 0; i < n; i++) visit(i);
    return acc;
  }
}

export { FastCriteriaPlugin };
