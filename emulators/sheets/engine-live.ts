// One HyperFormula instance per spreadsheet, built once and then kept in step with the model
// edit by edit (the model stays the source of truth; this is a cache of its formulas). Every
// cell whose entered value changes is re-set (setCell tells it, model-cells.ts); structural
// edits are replayed with HyperFormula's own addRows/addColumns/addSheet, which move
// references the way structure.ts rewrites the formula text, and the few formulas whose
// translation still differs are translated again (engine-structure.ts decides which).
//
// Evaluation is suspended while edits arrive and resumed by the first read that needs a
// computed value (engine.ts, engine-read.ts): a write costs its own edits, and the
// recalculation happens once, when someone looks — reads of literal cells never wait for it.
//
// If an edit cannot be mirrored (a sheet shrinks, HyperFormula refuses something) the engine
// marks itself broken and engine.ts builds a fresh one from the model: slower, never wrong.
import { HyperFormula } from 'hyperformula';
import type { SimpleCellAddress } from 'hyperformula';
import { registerSheetsFunctions } from './engine-functions';
import { patchHyperFormula } from './engine-patches';
import { content, engineName, translationContext } from './engine-content';
import { growAtEnd, insertInside, retranslateNamed } from './engine-structure';
import type { TranslateContext } from './formula-translate';
import { getCell, observerOf, setObserver } from './model';
import type { Dimension, ModelObserver, Sheet, Spreadsheet } from './model';

// undoLimit 0: nothing is ever undone (a failed write drops the engine), so keep no history.
const CONFIG = { licenseKey: 'gpl-v3', useArrayArithmetic: true, maxRows: 100_000, undoLimit: 0 };
const MAX_COLUMNS = 18_278; // HyperFormula's default maxColumns

let builds = 0;
/** How many engines were built from scratch in this process (tests assert it stays put). */
export const engineBuilds = (): number => builds;

export class LiveEngine implements ModelObserver {
  readonly hf: HyperFormula;
  model: Spreadsheet;
  /** Edited since follow(): if the write then fails, the engine no longer matches the model. */
  changed = false;
  /** An edit could not be mirrored: engine.ts replaces this engine with a fresh build. */
  broken = false;
  private suspended = false;
  private version = 0;
  private readonly builtAt: number;

  constructor(ss: Spreadsheet) {
    registerSheetsFunctions();
    patchHyperFormula(CONFIG);
    this.model = ss;
    const data: Record<string, unknown[][]> = {};
    for (const sheet of ss.sheets) {
      const ctx = this.context(sheet);
      data[engineName(sheet)] = sheet.rows.map((row) => (row ?? []).map((cell) => content(cell?.userEnteredValue, ctx)));
    }
    this.hf = HyperFormula.buildFromSheets(data as never, CONFIG as never);
    builds++;
    for (const sheet of ss.sheets) {
      try {
        this.stretch(sheet, this.id(sheet));
      } catch {
        // A grid beyond the engine's limits: fine until it changes shape (stretch()).
      }
    }
    this.follow(ss);
    // Built from this model, which may be a failing write's copy: not to be kept for another.
    this.changed = true;
    this.builtAt = this.version;
  }

  /** No edit mirrored since the build: a failure here would recur in a fresh build. */
  get pristine(): boolean {
    return this.version === this.builtAt;
  }

  /** Mirrors `ss` from now on (a write's copy, or the original again after a failed write). */
  follow(ss: Spreadsheet): void {
    this.detach();
    this.model = ss;
    this.changed = false;
    setObserver(ss, this);
    for (const s of ss.sheets) setObserver(s, this);
  }

  dispose(): void {
    this.detach();
    this.hf.destroy();
  }

  private detach(): void {
    for (const target of [this.model, ...this.model.sheets]) {
      if (observerOf(target) === this) setObserver(target, undefined);
    }
  }

  id(sheet: Sheet): number {
    const id = this.hf.getSheetId(engineName(sheet));
    if (id === undefined) throw new Error(`engine has no sheet ${sheet.properties.sheetId}`);
    return id;
  }

  context(owner: Sheet): TranslateContext {
    return translationContext(this.model, owner);
  }

  /** HyperFormula for an edit: evaluation stays suspended until the next read. */
  edit(): HyperFormula {
    if (!this.suspended) {
      this.hf.suspendEvaluation();
      this.suspended = true;
    }
    this.changed = true;
    this.version++;
    return this.hf;
  }

  /** Re-sets one cell from the model. */
  set(sheet: Sheet, row: number, col: number, id = this.id(sheet), ctx = this.context(sheet)): void {
    this.edit().setCellContents({ sheet: id, row, col }, [[content(getCell(sheet, row, col)?.userEnteredValue, ctx)]]);
  }

  /**
   * HyperFormula ignores rows and columns inserted past the last cell it holds. The cells of
   * referenced ranges usually count (it links them), but to be sure that ranges bounded at the
   * grid's end are adjusted, a value is set and cleared just past the grid: the sheet's size
   * then covers the grid (it never shrinks back on clearing). A no-op once it does.
   */
  stretch(sheet: Sheet, id: number): void {
    const { rowCount, columnCount } = sheet.properties.gridProperties;
    const size = this.hf.getSheetDimensions(id);
    if (size.height > rowCount && size.width > columnCount) return;
    // Past HyperFormula's limits (a grid of 100,000 rows) it cannot be done: structural edits
    // then fail, and the engine is rebuilt instead (mirror()).
    if (rowCount >= CONFIG.maxRows || columnCount >= MAX_COLUMNS) throw new Error('grid beyond the engine');
    const at: SimpleCellAddress = { sheet: id, row: rowCount, col: columnCount };
    this.edit().setCellContents(at, [[0]]);
    this.hf.setCellContents(at, [[null]]);
  }

  private mirror(edit: () => void): void {
    if (this.broken) return;
    try {
      edit();
    } catch {
      this.broken = true;
    }
  }

  cellChanged(sheet: Sheet, row: number, col: number): void {
    this.mirror(() => this.set(sheet, row, col));
  }

  dimensionInserted(sheet: Sheet, dim: Dimension, start: number, count: number, before: number): void {
    this.mirror(() => {
      const g = sheet.properties.gridProperties;
      if (start < before) insertInside(this, sheet, dim, start, count);
      else growAtEnd(this, sheet, dim === 'ROWS' ? [before, g.columnCount] : [g.rowCount, before]);
    });
  }

  gridResized(sheet: Sheet, before: { rowCount: number; columnCount: number }): void {
    this.mirror(() => {
      const g = sheet.properties.gridProperties;
      if (g.rowCount < before.rowCount || g.columnCount < before.columnCount) throw new Error('shrunk');
      growAtEnd(this, sheet, [before.rowCount, before.columnCount]);
    });
  }

  sheetAdded(sheet: Sheet): void {
    this.mirror(() => {
      this.edit().addSheet(engineName(sheet));
      setObserver(sheet, this);
      this.stretch(sheet, this.id(sheet));
      retranslateNamed(this, [sheet.properties.title]);
    });
  }

  sheetRemoved(sheet: Sheet): void {
    this.mirror(() => {
      this.edit().removeSheet(this.id(sheet));
      retranslateNamed(this, [sheet.properties.title]);
    });
  }

  sheetRenamed(sheet: Sheet, oldTitle: string): void {
    this.mirror(() => retranslateNamed(this, [oldTitle, sheet.properties.title]));
  }

  /** Resumes evaluation if edits are pending, so values can be read (engine-read.ts). */
  evaluated(): HyperFormula {
    if (this.suspended) {
      this.suspended = false;
      this.hf.resumeEvaluation();
    }
    return this.hf;
  }

  /** Counts edits: what was derived from the engine at one count is stale at the next. */
  get edits(): number {
    return this.version;
  }
}
