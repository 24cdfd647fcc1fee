// One fix to HyperFormula 3.5's internals, applied to its dependency graph's prototype.
//
// When a formula depends on a range, HyperFormula links every cell of the range to the
// range's vertex — and does so again for every further formula over the same range, although
// the vertex and its links already exist (it keeps them up to date itself when cells are set
// or rows inserted: fixRangesWhenAddingRows). With a whole-column lookup in each of n rows
// that is n × n links: building the workspace's engine spent most of its time there, and a
// 10,000-row sheet could not be built at all. Here a dependency on a range whose vertex is
// already in the graph only adds the edge to the formula; new ranges go through unchanged.
// If HyperFormula's internals ever differ from what is expected, nothing is patched.
import { HyperFormula } from 'hyperformula';

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
