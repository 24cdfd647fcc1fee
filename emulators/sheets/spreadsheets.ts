// spreadsheets.create and spreadsheets.get, and the Spreadsheet JSON both (and batchUpdate's
// includeSpreadsheetInResponse) answer with: properties, sheets[].properties and, where set,
// protectedRanges, conditionalFormats, basicFilter, filterViews; with includeGridData,
// sheets[].data[] GridData carrying each cell's entered and effective values.
import { randomBytes } from 'node:crypto';
import type { GridBox } from './a1';
import { evaluate } from './engine';
import { invalid } from './errors';
import { addSheetTo, newSpreadsheet, resolveRange } from './model';
import type { Json, Sheet, SheetProperties, Spreadsheet } from './model';
import { gridCell } from './render';
import { localeRule } from './formula-locale';
import { checkLocale } from './locale';

export function newSpreadsheetId(): string {
  // Same alphabet and length as Google's ids (44 characters of base64url), and like theirs
  // (Drive file ids) starting with "1" — never with "-", which a command line reads as a flag.
  return `1${randomBytes(33).toString('base64url').slice(0, 43)}`;
}

export function createSpreadsheet(body: Json): Spreadsheet {
  const props = (body['properties'] ?? {}) as Json;
  const sheets = (body['sheets'] ?? []) as Json[];
  if (!Array.isArray(sheets)) throw invalid("Invalid value at 'spreadsheet.sheets'");
  const title = typeof props['title'] === 'string' ? props['title'] : 'Untitled spreadsheet';
  const first = (sheets[0]?.['properties'] ?? {}) as Partial<SheetProperties>;
  const ss = newSpreadsheet(newSpreadsheetId(), title, first.title ?? 'Sheet1');
  Object.assign(ss.properties, props, { title });
  checkLocale(ss.properties);
  const firstSheet = ss.sheets[0] as Sheet;
  if (first.gridProperties) Object.assign(firstSheet.properties.gridProperties, first.gridProperties);
  if (first.sheetId !== undefined) firstSheet.properties.sheetId = first.sheetId;
  for (const s of sheets.slice(1)) addSheetTo(ss, { ...((s['properties'] ?? {}) as Partial<SheetProperties>), index: undefined });
  return ss;
}

function gridData(ss: Spreadsheet, sheet: Sheet, box: GridBox, computed: boolean): Json {
  const ev = computed ? evaluate(ss) : undefined;
  const rowData: Json[] = [];
  const lastRow = ev ? ev.lastRow(sheet, box) : Math.min(box.endRow, sheet.rows.length);
  for (let r = box.startRow; r < lastRow; r++) {
    const values: Json[] = [];
    for (let c = box.startCol; c < box.endCol; c++) values.push(gridCell(ev, sheet, r, c, ss.properties['locale']));
    while (values.length && Object.keys(values[values.length - 1] as Json).length === 0) values.pop();
    rowData.push(values.length ? { values } : {});
  }
  while (rowData.length && Object.keys(rowData[rowData.length - 1] as Json).length === 0) rowData.pop();
  const meta = (stored: Record<string, Json> | undefined, from: number, to: number, size: number): Json[] =>
    Array.from({ length: Math.max(to - from, 0) }, (_, i) => ({ pixelSize: size, ...(stored?.[String(from + i)] ?? {}) }));
  const out: Json = {};
  if (box.startRow) out['startRow'] = box.startRow;
  if (box.startCol) out['startColumn'] = box.startCol;
  if (rowData.length) out['rowData'] = rowData;
  out['rowMetadata'] = meta(sheet.rowMetadata, box.startRow, box.endRow, 21);
  out['columnMetadata'] = meta(sheet.columnMetadata, box.startCol, box.endCol, 100);
  return out;
}

function sheetJson(ss: Spreadsheet, sheet: Sheet, boxes: GridBox[] | undefined, computed: boolean): Json {
  const out: Json = { properties: structuredClone(sheet.properties) };
  if (sheet.protectedRanges?.length) out['protectedRanges'] = structuredClone(sheet.protectedRanges);
  if (sheet.conditionalFormats?.length) {
    out['conditionalFormats'] = sheet.conditionalFormats.map((rule) => localeRule(rule, ss.properties['locale']));
  }
  if (sheet.basicFilter) out['basicFilter'] = structuredClone(sheet.basicFilter);
  if (sheet.filterViews?.length) out['filterViews'] = structuredClone(sheet.filterViews);
  if (sheet.charts?.length) out['charts'] = structuredClone(sheet.charts);
  if (boxes) out['data'] = boxes.map((b) => gridData(ss, sheet, b, computed));
  return out;
}

/**
 * The Spreadsheet resource; `ranges` limits the sheets (and grid data) to those ranges.
 * `computed` false leaves out effective and formatted values (the caller's field mask drops them).
 */
export function spreadsheetJson(ss: Spreadsheet, ranges: string[], includeGridData: boolean, computed = true): Json {
  let sheets: Json[];
  if (ranges.length) {
    const bySheet = new Map<Sheet, GridBox[]>();
    for (const text of ranges) {
      const { sheet, box } = resolveRange(ss, text);
      bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), box]);
    }
    sheets = ss.sheets
      .filter((s) => bySheet.has(s))
      .map((s) => sheetJson(ss, s, includeGridData ? bySheet.get(s) : undefined, computed));
  } else {
    sheets = ss.sheets.map((s) => {
      const g = s.properties.gridProperties;
      const whole = { startRow: 0, endRow: g.rowCount, startCol: 0, endCol: g.columnCount };
      return sheetJson(ss, s, includeGridData ? [whole] : undefined, computed);
    });
  }
  return {
    spreadsheetId: ss.spreadsheetId,
    properties: structuredClone(ss.properties),
    sheets,
    spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${ss.spreadsheetId}/edit`,
  };
}
