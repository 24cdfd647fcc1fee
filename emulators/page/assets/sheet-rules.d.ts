// Types of the browser module sheet-rules.js, for the tests that check the page's colouring
// against the workspace's rules.
export type ValueAt = (row: number, col: number) => unknown;
export function columnLetter(index: number): string;
export function a1Tab(name: string): string;
export function effective(cell: unknown): unknown;
export function compileCondition(formula: string): (valueAt: ValueAt, dRow: number, dCol: number) => unknown;
export function conditionalColours(rules: unknown, valueAt: ValueAt): (row: number, col: number) => string | undefined;
export function editorFor(dataValidation: unknown): { kind: string; values?: string[]; range?: string; min?: number; max?: number };
export function protectsColumn(protectedRanges: unknown, col: number): boolean;
