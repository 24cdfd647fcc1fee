// Sheets functions HyperFormula 3.5 lacks, as a function plugin. RANK/RANK.EQ take a
// NUMBER first argument, so HyperFormula vectorises them for free: inside ARRAYFORMULA,
// RANK(B2:B, B2:B) returns one rank per row, as Sheets does.
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula } from 'hyperformula';
import type { SimpleRangeValue } from 'hyperformula';

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
  };

  static override aliases = { 'RANK.EQ': 'RANK' };

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
  HyperFormula.registerFunctionPlugin(SheetsCompatPlugin as never, {
    enGB: { RANK: 'RANK', 'RANK.EQ': 'RANK.EQ' },
  });
}
