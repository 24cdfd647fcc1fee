// The spreadsheet model's shapes (the Sheets API's own JSON, as stored), apart from the
// code that works on them so every part of the emulator can name them without a loop.

export interface ErrorValue {
  type: string;
  message: string;
}

export interface ExtendedValue {
  numberValue?: number;
  stringValue?: string;
  boolValue?: boolean;
  formulaValue?: string;
  errorValue?: ErrorValue;
}

export interface CellData {
  userEnteredValue?: ExtendedValue;
  note?: string;
  dataValidation?: unknown;
  userEnteredFormat?: Record<string, unknown>;
  [member: string]: unknown;
}

export interface GridProperties {
  rowCount: number;
  columnCount: number;
  frozenRowCount?: number;
  frozenColumnCount?: number;
  [member: string]: unknown;
}

export interface SheetProperties {
  sheetId: number;
  title: string;
  index: number;
  sheetType: string;
  gridProperties: GridProperties;
  [member: string]: unknown;
}

export interface GridRange {
  sheetId?: number;
  startRowIndex?: number;
  endRowIndex?: number;
  startColumnIndex?: number;
  endColumnIndex?: number;
}

export type Json = Record<string, unknown>;

export interface Sheet {
  properties: SheetProperties;
  /** rows[r][c]; holes are null so the JSON stays compact. */
  rows: Array<Array<CellData | null> | null>;
  protectedRanges?: Json[];
  conditionalFormats?: Json[];
  basicFilter?: Json;
  filterViews?: Json[];
  /** Stored as sent (with a chartId), never drawn: the local page shows data, not charts. */
  charts?: Json[];
  /** Sparse DimensionProperties by index (updateDimensionProperties stores them). */
  rowMetadata?: Record<string, Json>;
  columnMetadata?: Record<string, Json>;
}

export interface Spreadsheet {
  spreadsheetId: string;
  properties: Json & { title: string };
  sheets: Sheet[];
  /** Bumped on every mutation (kept in the state file; the engine follows changes itself). */
  revision: number;
}
