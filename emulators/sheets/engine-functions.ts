// Sheets functions HyperFormula 3.5 lacks, as a function plugin. RANK/RANK.EQ take a
// NUMBER first argument, so HyperFormula vectorises them for free: inside ARRAYFORMULA,
// RANK(B2:B, B2:B) returns one rank per row, as Sheets does.
//
// WITHREFS(value, ref…) is the emulator's own: it returns `value` and ignores the rest.
// HyperFormula does not record the references inside an inline array (`{"Total"; B2:B*2}`)
// as dependencies, so such a formula would never be recalculated after an edit (and a range
// used only there is missing from its graph). formula-translate.ts wraps those arrays as
// WITHREFS({…}, B2:B…) so the references are seen.
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula } from 'hyperformula';
import type { SimpleRangeValue } from 'hyperformula';
import { FastCriteriaPlugin } from './engine-criteria';
import { FastMatchPlugin } from './engine-lookup';

type RunFunction = (args: unknown[], state: unknown, metadata: unknown, impl: (...arg: never[]) => unknown) => unknown;

class SheetsCompatPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    RANK: {
      method: 'rank',
      parameters: [
        { argumentType: FunctionArgumentType.NUMBER },
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 },
      ],
    },
    WITHREFS: {
      method: 'withrefs',
      sizeOfResultArrayMethod: 'withrefsArraySize',
      parameters: [{ argumentType: FunctionArgumentType.ANY }, { argumentType: FunctionArgumentType.ANY }],
      repeatLastArgs: 1,
    },
  };

  static override aliases = { 'RANK.EQ': 'RANK' };

  withrefs(ast: { args: unknown[] }, state: unknown): unknown {
    const run = this.runFunction as unknown as RunFunction;
    return run(ast.args, state, this.metadata('WITHREFS'), (value: unknown) => value);
  }

  withrefsArraySize(ast: { args: unknown[] }, state: unknown): unknown {
    const size = this.arraySizeForAst as unknown as (a: unknown, s: unknown) => unknown;
    return size.call(this, ast.args[0], state);
  }

  rank(ast: { args: unknown[] }, state: unknown): unknown {
    const run = this.runFunction as unknown as RunFunction;
    return run(ast.args, state, this.metadata('RANK'), (value: number, range: SimpleRangeValue, order: number) => {
      const numbers = range.valuesFromTopLeftCorner().filter((v): v is number => typeof v === 'number');
      if (!numbers.includes(value)) return new CellError(ErrorType.NA, 'RANK value not found in range.');
      const better = numbers.filter((n) => (order ? n < value : n > value)).length;
      return better + 1;
    });
  }
}

let registered = false;

/** Registers the plugin once per process (HyperFormula's registry is global). */
export function registerSheetsFunctions(): void {
  if (registered) return;
  registered = true;
  // Replace HyperFormula's COUNTIF(S)/SUMIF(S) and MATCH (engine-criteria.ts, engine-lookup.ts);
  // same names, so no translations are needed.
  HyperFormula.registerFunctionPlugin(FastCriteriaPlugin as never);
  HyperFormula.registerFunctionPlugin(FastMatchPlugin as never);
  HyperFormula.registerFunctionPlugin(SheetsCompatPlugin as never, {
    enGB: { RANK: 'RANK', 'RANK.EQ': 'RANK.EQ', WITHREFS: 'WITHREFS' },
  });
}
