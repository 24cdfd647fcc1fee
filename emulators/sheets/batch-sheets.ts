// batchUpdate requests that change sheets rather than cell contents: sheets, dimensions,
// protected ranges, conditional formats, filters. Protection, formats and filters are
// stored and returned by `get` but not enforced or applied (the emulator's caller is the
// sheet's owner, whom Google does not block either).
import { randomInt } from 'node:crypto';
import type { RequestHandler } from './batch-handler';
import { WARNING_ONLY_EDITORS, warningOnlyWithEditors } from '../discovery/sheets-rules';
import { invalid } from './errors';
import { applyMask, parseFieldMask } from './fields';
import { localeRule, ruleFromLocale } from './formula-locale';
import { checkLocale } from './locale';
import { addSheetTo, observerOf, reindex, sheetById } from './model';
import type { GridRange, Json, Sheet, SheetProperties, Spreadsheet } from './model';
import { appendDimension, insertDimension, parseDimension, renameSheet } from './structure';

function mask(fields: unknown): ReturnType<typeof parseFieldMask> {
  if (typeof fields !== 'string' || !fields.trim()) throw invalid('At least one field must be updated.');
  return parseFieldMask(fields);
}

const newId = (): number => randomInt(1, 2 ** 31 - 1);

/**
 * ProtectedRange: "Editors are not supported with warning_only protection." The request body
 * is checked against it before this runs (emulators/discovery/sheets-rules.ts); an update
 * is checked again here, on the range as the mask leaves it (warningOnly set on a range that
 * already has editors). Google says editors are ignored when writing warningOnly; we refuse
 * the pair instead (strict), so a request that mixes them fails here, not in production.
 */
function checkProtection(pr: Json): void {
  if (warningOnlyWithEditors(pr)) throw invalid(WARNING_ONLY_EDITORS);
}

const updateSheetProperties: RequestHandler = (ss, req, where) => {
  const props = (req['properties'] ?? {}) as Partial<SheetProperties>;
  const sheet = sheetById(ss, props.sheetId, where);
  const tree = mask(req['fields']);
  const next = structuredClone(sheet.properties) as Json;
  applyMask(next, props as Json, tree);
  const updated = next as SheetProperties;
  if (typeof updated.title !== 'string' || !updated.title) throw invalid('Sheet title must not be empty.');
  renameSheet(ss, sheet, updated.title);
  const grid = updated.gridProperties ?? sheet.properties.gridProperties;
  if (!(grid.rowCount > 0 && grid.columnCount > 0)) throw invalid('rowCount and columnCount must be positive.');
  const before = { title: sheet.properties.title, ...sheet.properties.gridProperties };
  // Shrinking the grid drops the cells outside it (rows are replaced, never cut in place).
  sheet.rows.length = Math.min(sheet.rows.length, grid.rowCount);
  sheet.rows.forEach((row, r) => {
    if (row && row.length > grid.columnCount) sheet.rows[r] = row.slice(0, grid.columnCount);
  });
  sheet.properties = { ...updated, sheetId: sheet.properties.sheetId, sheetType: 'GRID', gridProperties: grid };
  const index = Math.min(Math.max(updated.index ?? 0, 0), ss.sheets.length - 1);
  ss.sheets.splice(ss.sheets.indexOf(sheet), 1);
  ss.sheets.splice(index, 0, sheet);
  reindex(ss);
  // The engine hears of it once the sheet has its new title and grid.
  const observer = observerOf(ss);
  if (before.title !== updated.title) observer?.sheetRenamed(sheet, before.title);
  if (before.rowCount !== grid.rowCount || before.columnCount !== grid.columnCount) observer?.gridResized(sheet, before);
  return undefined;
};

const dimensionRange = (ss: Spreadsheet, req: Json, where: string) => {
  const range = (req['range'] ?? {}) as { sheetId?: number; dimension?: string; startIndex?: number; endIndex?: number };
  const sheet = sheetById(ss, range.sheetId, where);
  const dim = parseDimension(range.dimension, where);
  const g = sheet.properties.gridProperties;
  const start = range.startIndex ?? 0;
  const end = range.endIndex ?? (dim === 'ROWS' ? g.rowCount : g.columnCount);
  return { sheet, dim, start, end };
};

function sheetOfRange(ss: Spreadsheet, range: GridRange | undefined, where: string): Sheet {
  return sheetById(ss, range?.sheetId, where);
}

export const SHEET_REQUESTS: Record<string, RequestHandler> = {
  addSheet: (ss, req) => {
    const sheet = addSheetTo(ss, structuredClone((req['properties'] ?? {}) as Partial<SheetProperties>));
    return { addSheet: { properties: structuredClone(sheet.properties) } };
  },

  deleteSheet: (ss, req, where) => {
    const sheet = sheetById(ss, req['sheetId'] as number | undefined, where);
    if (ss.sheets.length === 1) throw invalid("You can't remove all the sheets in a document.");
    ss.sheets.splice(ss.sheets.indexOf(sheet), 1);
    reindex(ss);
    observerOf(ss)?.sheetRemoved(sheet);
    return undefined;
  },

  updateSheetProperties,

  updateSpreadsheetProperties: (ss, req) => {
    applyMask(ss.properties, (req['properties'] ?? {}) as Json, mask(req['fields']));
    if (typeof ss.properties.title !== 'string') ss.properties.title = 'Untitled spreadsheet';
    // Stored formulas are canonical (formula-locale.ts): a new locale only changes how they read.
    checkLocale(ss.properties);
    return undefined;
  },

  insertDimension: (ss, req, where) => {
    const { sheet, dim, start, end } = dimensionRange(ss, req, where);
    insertDimension(ss, sheet, dim, start, end, req['inheritFromBefore'] === true);
    return undefined;
  },

  appendDimension: (ss, req, where) => {
    const sheet = sheetById(ss, req['sheetId'] as number | undefined, where);
    appendDimension(sheet, parseDimension(req['dimension'], where), Number(req['length']));
    return undefined;
  },

  updateDimensionProperties: (ss, req, where) => {
    const { sheet, dim, start, end } = dimensionRange(ss, req, where);
    const tree = mask(req['fields']);
    const key = dim === 'ROWS' ? 'rowMetadata' : 'columnMetadata';
    const meta = (sheet[key] ??= {});
    for (let i = start; i < end; i++) {
      const entry = meta[String(i)] ?? {};
      applyMask(entry, (req['properties'] ?? {}) as Json, tree);
      meta[String(i)] = entry;
    }
    return undefined;
  },

  addProtectedRange: (ss, req, where) => {
    const pr = structuredClone((req['protectedRange'] ?? {}) as Json);
    checkProtection(pr);
    const sheet = sheetOfRange(ss, pr['range'] as GridRange | undefined, where);
    if (pr['protectedRangeId'] === undefined) pr['protectedRangeId'] = newId();
    (sheet.protectedRanges ??= []).push(pr);
    return { addProtectedRange: { protectedRange: structuredClone(pr) } };
  },

  updateProtectedRange: (ss, req) => {
    const given = (req['protectedRange'] ?? {}) as Json;
    const id = given['protectedRangeId'];
    const tree = mask(req['fields']);
    for (const sheet of ss.sheets) {
      const i = sheet.protectedRanges?.findIndex((p) => p['protectedRangeId'] === id) ?? -1;
      if (i < 0) continue;
      const next = structuredClone(sheet.protectedRanges![i]!);
      applyMask(next, given, tree);
      next['protectedRangeId'] = id; // read-only
      checkProtection(next);
      sheet.protectedRanges![i] = next;
      return undefined;
    }
    throw invalid(`No protected range with id: ${String(id)}`);
  },

  deleteProtectedRange: (ss, req) => {
    const id = req['protectedRangeId'];
    for (const sheet of ss.sheets) {
      const i = sheet.protectedRanges?.findIndex((p) => p['protectedRangeId'] === id) ?? -1;
      if (i >= 0) {
        sheet.protectedRanges?.splice(i, 1);
        return undefined;
      }
    }
    throw invalid(`No protected range with id: ${String(id)}`);
  },

  addConditionalFormatRule: (ss, req, where) => {
    const rule = ruleFromLocale(req['rule'] ?? {}, ss.properties['locale']);
    const ranges = (rule['ranges'] ?? []) as GridRange[];
    if (!ranges.length) throw invalid('rule.ranges must not be empty.');
    const sheet = sheetOfRange(ss, ranges[0], where);
    const list = (sheet.conditionalFormats ??= []);
    const index = Math.min(Math.max(Number(req['index'] ?? 0), 0), list.length);
    list.splice(index, 0, rule);
    return undefined;
  },

  deleteConditionalFormatRule: (ss, req, where) => {
    const sheet = sheetById(ss, req['sheetId'] as number | undefined, where);
    const index = Number(req['index'] ?? 0);
    const rule = sheet.conditionalFormats?.[index];
    if (!rule) throw invalid(`No conditional format on sheet ${sheet.properties.sheetId} at index ${index}`);
    sheet.conditionalFormats?.splice(index, 1);
    return { deleteConditionalFormatRule: { rule: localeRule(rule, ss.properties['locale']) } };
  },

  setBasicFilter: (ss, req, where) => {
    const filter = structuredClone((req['filter'] ?? {}) as Json);
    sheetOfRange(ss, filter['range'] as GridRange | undefined, where).basicFilter = filter;
    return undefined;
  },

  clearBasicFilter: (ss, req, where) => {
    delete sheetById(ss, req['sheetId'] as number | undefined, where).basicFilter;
    return undefined;
  },

  addChart: (ss, req, where) => {
    const chart = structuredClone((req['chart'] ?? {}) as Json);
    const spec = (chart['spec'] ?? {}) as Json;
    const anchor = ((chart['position'] as Json | undefined)?.['overlayPosition'] as Json | undefined)?.['anchorCell'] as Json | undefined;
    const sheet = sheetById(ss, (anchor?.['sheetId'] as number | undefined) ?? undefined, where);
    if (!spec['basicChart'] && !spec['pieChart']) throw invalid('addChart: the chart spec must set a chart type');
    if (chart['chartId'] === undefined) chart['chartId'] = newId();
    (sheet.charts ??= []).push(chart);
    return { addChart: { chart: structuredClone(chart) } };
  },

  addFilterView: (ss, req, where) => {
    const filter = structuredClone((req['filter'] ?? {}) as Json);
    const sheet = sheetOfRange(ss, filter['range'] as GridRange | undefined, where);
    if (filter['filterViewId'] === undefined) filter['filterViewId'] = newId();
    (sheet.filterViews ??= []).push(filter);
    return { addFilterView: { filter: structuredClone(filter) } };
  },
};
