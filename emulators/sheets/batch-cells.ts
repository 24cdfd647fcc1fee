// batchUpdate requests that write cells: updateCells, appendCells, repeatCell,
// setDataValidation, findReplace. CellData comes in the API's shape; `fields` says which
// members to write (a member in the mask but absent from the source is cleared). A
// `userEnteredValue.stringValue` is text even when it starts with `=` — only `formulaValue`
// is a formula — matching RAW input on the values endpoints.
import type { RequestHandler } from './batch-handler';
import { evaluate } from './engine';
import { formulaFromLocale, ruleFromLocale } from './formula-locale';
import { invalid } from './errors';
import { applyMask, parseFieldMask } from './fields';
import type { FieldTree } from './fields';
import { getCell, gridRangeBox, setCell, sheetById } from './model';
import type { CellData, GridRange, Json, Sheet } from './model';
import { checkInGrid, ensureGrid } from './structure';
import { rowAfterLastData } from './table';

// Members Google computes; a client echoing a read-back cell must not be able to set them.
const READ_ONLY = ['effectiveValue', 'formattedValue', 'effectiveFormat', 'hyperlink'];

function mask(fields: unknown): FieldTree {
  if (typeof fields !== 'string' || !fields.trim()) throw invalid('At least one field must be updated.');
  try {
    return parseFieldMask(fields);
  } catch {
    throw invalid(`Invalid field mask: ${fields}`);
  }
}

function validateValue(cell: CellData): void {
  const v = cell.userEnteredValue;
  if (v && Object.keys(v).length > 1) throw invalid('userEnteredValue can have only one of its value fields set.');
  if (v?.errorValue) throw invalid('userEnteredValue.errorValue is read-only.');
}

/** A cell as sent in the spreadsheet's locale → as stored (canonical formulas and rules). */
function fromLocale(source: CellData, locale: unknown): CellData {
  const out: CellData = { ...source };
  const formula = source.userEnteredValue?.formulaValue;
  if (typeof formula === 'string') out.userEnteredValue = { formulaValue: formulaFromLocale(formula, locale) };
  if (source.dataValidation) out.dataValidation = ruleFromLocale(source.dataValidation, locale);
  return out;
}

function writeCell(sheet: Sheet, row: number, col: number, source: CellData, tree: FieldTree, locale: unknown): void {
  validateValue(source);
  const src: Json = { ...fromLocale(source, locale) };
  for (const k of READ_ONLY) delete src[k];
  const target: Json = { ...(getCell(sheet, row, col) ?? {}) };
  applyMask(target, src, tree);
  for (const k of READ_ONLY) delete target[k];
  setCell(sheet, row, col, target as CellData);
}

type RowData = { values?: CellData[] };

function rowsOf(request: Json): RowData[] {
  const rows = request['rows'] ?? [];
  if (!Array.isArray(rows)) throw invalid('rows must be a list.');
  return rows as RowData[];
}

const updateCells: RequestHandler = (ss, req, where) => {
  const tree = mask(req['fields']);
  const rows = rowsOf(req);
  const start = req['start'] as { sheetId?: number; rowIndex?: number; columnIndex?: number } | undefined;
  const range = req['range'] as GridRange | undefined;
  if (!start === !range) throw invalid('Exactly one of start or range must be set.');
  if (start) {
    const sheet = sheetById(ss, start.sheetId, where);
    const r0 = start.rowIndex ?? 0;
    const c0 = start.columnIndex ?? 0;
    const width = Math.max(0, ...rows.map((r) => r.values?.length ?? 0));
    checkInGrid(sheet, r0 + rows.length, c0 + width, `${sheet.properties.title} R${r0 + 1}C${c0 + 1}`);
    rows.forEach((row, r) => row.values?.forEach((cell, c) => writeCell(sheet, r0 + r, c0 + c, cell ?? {}, tree, ss.properties['locale'])));
    return undefined;
  }
  const sheet = sheetById(ss, range?.sheetId, where);
  const box = gridRangeBox(sheet, range ?? {});
  checkInGrid(sheet, box.endRow, box.endCol, `${sheet.properties.title} R${box.endRow}C${box.endCol}`);
  // With a range, every cell in it is written: cells the rows do not cover are cleared.
  for (let r = box.startRow; r < box.endRow; r++) {
    for (let c = box.startCol; c < box.endCol; c++) {
      writeCell(sheet, r, c, rows[r - box.startRow]?.values?.[c - box.startCol] ?? {}, tree, ss.properties['locale']);
    }
  }
  return undefined;
};

const appendCells: RequestHandler = (ss, req, where) => {
  const tree = mask(req['fields']);
  const sheet = sheetById(ss, req['sheetId'] as number | undefined, where);
  const rows = rowsOf(req);
  const first = rowAfterLastData(evaluate(ss), sheet);
  const width = Math.max(0, ...rows.map((r) => r.values?.length ?? 0));
  ensureGrid(sheet, first + rows.length, width);
  rows.forEach((row, r) => row.values?.forEach((cell, c) => writeCell(sheet, first + r, c, cell ?? {}, tree, ss.properties['locale'])));
  return undefined;
};

const repeatCell: RequestHandler = (ss, req, where) => {
  const tree = mask(req['fields']);
  const range = (req['range'] ?? {}) as GridRange;
  const sheet = sheetById(ss, range.sheetId, where);
  const box = gridRangeBox(sheet, range);
  const cell = (req['cell'] ?? {}) as CellData;
  for (let r = box.startRow; r < box.endRow; r++) {
    for (let c = box.startCol; c < box.endCol; c++) writeCell(sheet, r, c, cell, tree, ss.properties['locale']);
  }
  return undefined;
};

const setDataValidation: RequestHandler = (ss, req, where) => {
  const range = (req['range'] ?? {}) as GridRange;
  const sheet = sheetById(ss, range.sheetId, where);
  const box = gridRangeBox(sheet, range);
  const rule = req['rule'] ? ruleFromLocale(req['rule'], ss.properties['locale']) : undefined;
  const tree = parseFieldMask('dataValidation');
  // Already canonical: written as in en_US so it is not translated a second time.
  for (let r = box.startRow; r < box.endRow; r++) {
    for (let c = box.startCol; c < box.endCol; c++) {
      writeCell(sheet, r, c, rule ? { dataValidation: rule } : {}, tree, 'en_US');
    }
  }
  return undefined;
};

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const findReplace: RequestHandler = (ss, req, where) => {
  const find = req['find'];
  if (typeof find !== 'string' || !find) throw invalid('find must be non-empty.');
  const replacement = typeof req['replacement'] === 'string' ? req['replacement'] : '';
  const regex = req['searchByRegex'] === true;
  let source = regex ? find : escapeRegex(find);
  if (req['matchEntireCell'] === true) source = `^(?:${source})$`;
  let pattern: RegExp;
  try {
    pattern = new RegExp(source, req['matchCase'] === true ? 'g' : 'gi');
  } catch {
    throw invalid(`Invalid regular expression: ${find}`);
  }
  let sheets: Sheet[];
  let box: ((s: Sheet) => ReturnType<typeof gridRangeBox>) | undefined;
  if (req['allSheets'] === true) sheets = ss.sheets;
  else if (req['range']) {
    const range = req['range'] as GridRange;
    sheets = [sheetById(ss, range.sheetId, where)];
    box = (s) => gridRangeBox(s, range);
  } else sheets = [sheetById(ss, req['sheetId'] as number | undefined, where)];

  const counts = { valuesChanged: 0, formulasChanged: 0, rowsChanged: 0, sheetsChanged: 0, occurrencesChanged: 0 };
  for (const sheet of sheets) {
    const b = box?.(sheet) ?? gridRangeBox(sheet, {});
    let sheetChanged = false;
    for (let r = b.startRow; r < Math.min(b.endRow, sheet.rows.length); r++) {
      let rowChanged = false;
      for (let c = b.startCol; c < b.endCol; c++) {
        const cell = getCell(sheet, r, c);
        const v = cell?.userEnteredValue;
        const isFormula = v?.formulaValue !== undefined;
        const text = isFormula ? v?.formulaValue : v?.stringValue;
        if (!cell || text === undefined || (isFormula && req['includeFormulas'] !== true)) continue;
        const hits = text.match(pattern)?.length ?? 0;
        if (!hits) continue;
        const next = regex ? text.replace(pattern, replacement) : text.replace(pattern, () => replacement);
        setCell(sheet, r, c, { ...cell, userEnteredValue: isFormula ? { formulaValue: next } : { stringValue: next } });
        counts.occurrencesChanged += hits;
        if (isFormula) counts.formulasChanged++;
        else counts.valuesChanged++;
        rowChanged = sheetChanged = true;
      }
      if (rowChanged) counts.rowsChanged++;
    }
    if (sheetChanged) counts.sheetsChanged++;
  }
  const reply: Json = {};
  for (const [k, v] of Object.entries(counts)) if (v) reply[k] = v;
  return { findReplace: reply };
};

export const CELL_REQUESTS: Record<string, RequestHandler> = {
  updateCells,
  appendCells,
  repeatCell,
  setDataValidation,
  findReplace,
};
