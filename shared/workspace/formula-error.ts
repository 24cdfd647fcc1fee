/**
 * A cell showing a formula error: read as the text people see (`#NAME?`), never as empty,
 * so a decision built from it is held instead of sent blank.
 */
export class FormulaError {
  constructor(readonly shown: string) {}
  toString(): string {
    return this.shown;
  }
}
