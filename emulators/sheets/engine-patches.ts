// Two fixes to HyperFormula 3.5's internals, each applied to a prototype; neither changes a
// value any formula computes, only what computing it costs.
//
// 1. When a formula depends on a range, HyperFormula links every cell of the range to the
// range's vertex — and does so again for every further formula over the same range, although
// the vertex and its links already exist (it keeps them up to date itself when cells are set
// or rows inserted: fixRangesWhenAddingRows). With a whole-column lookup in each of n rows
// that is n × n links: building the workspace's engine spent most of its time there, and a
// 10,000-row sheet could not be built at all. Here a dependency on a range whose vertex is
// already in the graph only adds the edge to the formula; new ranges go through unchanged.
//
// 2. INDEX(range, row, col) copies the whole range into an array to read one cell of it: over
// a whole column, in each of n rows, that is n × height reads, every time the column changes
// (the yearly view's mirrors are such INDEXes). Here INDEX over a range not yet copied reads
// the one cell, with the same checks and errors as HyperFormula's own.
//
// If HyperFormula's internals ever differ from what is expected, nothing is patched.
import { CellError, ErrorType, HyperFormula, SimpleRangeValue } from 'hyperformula';

interface RangeDependency {
  start: unknown;
  end: unknown;
  addresses: unknown;
}

interface GraphInternals {
  processCellDependencies(deps: unknown[], endVertex: { idInGraph?: number }): void;
  getRange(start: unknown, end: unknown): { idInGraph?: number } | undefined;
  graph: { addEdge(from: number, to: number): void };
}

let patched = false;

const isRange = (dep: unknown): dep is RangeDependency =>
  typeof dep === 'object' && dep !== null && 'start' in dep && 'end' in dep && typeof (dep as RangeDependency).addresses === 'function';

export function patchHyperFormula(config: object): void {
  if (patched) return;
  patched = true;
  const probe = HyperFormula.buildEmpty(config as never);
  const proto = Object.getPrototypeOf((probe as unknown as { dependencyGraph: object }).dependencyGraph) as GraphInternals;
  probe.destroy();
  patchIndex();
  const original = proto.processCellDependencies;
  if (typeof original !== 'function' || original.length !== 2 || typeof proto.getRange !== 'function') return;
  proto.processCellDependencies = function (this: GraphInternals, deps, endVertex) {
    const target = endVertex.idInGraph;
    const rest = deps.filter((dep) => {
      if (target === undefined || !isRange(dep)) return true;
      const known = this.getRange(dep.start, dep.end)?.idInGraph;
      if (known === undefined) return true;
      this.graph.addEdge(known, target);
      return false;
    });
    original.call(this, rest, endVertex);
  };
}

interface Address {
  sheet: number;
  col: number;
  row: number;
}
interface RangeInternals {
  _data?: unknown;
  range?: { start: Address };
  dependencyGraph?: { getCellValue(a: Address): unknown };
  width(): number;
  height(): number;
  data: unknown[][];
}
type IndexBody = (range: RangeInternals, row: number, col: number) => unknown;
interface IndexPlugin {
  index(ast: { args: unknown[] }, state: unknown): unknown;
  runFunction(args: unknown[], state: unknown, metadata: unknown, body: IndexBody): unknown;
  metadata(name: string): unknown;
}

// HyperFormula's messages (error-message.ts), so an error reads as it did before the patch.
const LESS_THAN_ONE = 'Argument cannot be less than 1.';
const VALUE_LARGE = 'Value too large.';
const SCALAR_EXPECTED = 'Cell range not allowed.';

function patchIndex(): void {
  const plugin = HyperFormula.getFunctionPlugin('INDEX') as unknown as { prototype: IndexPlugin } | undefined;
  const proto = plugin?.prototype;
  // runFunction is an instance field (set in the constructor), so only index is checked here.
  if (!proto || typeof proto.index !== 'function') return;
  proto.index = function (this: IndexPlugin, ast, state) {
    return this.runFunction(ast.args, state, this.metadata('INDEX'), (range, row, col) => {
      if (col < 1 || row < 1) return new CellError(ErrorType.VALUE, LESS_THAN_ONE);
      if (col > range.width() || row > range.height()) return new CellError(ErrorType.NUM, VALUE_LARGE);
      const start = range.range?.start;
      const graph = range.dependencyGraph;
      if (range._data === undefined && start && graph) {
        const value = graph.getCellValue({ sheet: start.sheet, col: start.col + col - 1, row: start.row + row - 1 });
        return value instanceof SimpleRangeValue ? new CellError(ErrorType.VALUE, SCALAR_EXPECTED) : value;
      }
      return range.data[row - 1]?.[col - 1] ?? range.data[0]?.[0] ?? new CellError(ErrorType.VALUE, 'Cell range expected.');
    });
  };
}
