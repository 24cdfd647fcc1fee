// batchUpdate requests that store something with a sheet without changing its cells:
// protected ranges, conditional formats, filters, filter views and charts. They are
// returned by `get` but not enforced or applied (the emulator's caller is the sheet's owner,
// whom Google does not block either).
import type { RequestHandler } from './batch-handler';
import { mask, newId, sheetOfRange } from './batch-sheets';
import { WARNING_ONLY_EDITORS, warningOnlyWithEditors } from '../discovery/sheets-rules';
import { invalid } from './errors';
import { applyMask } from './fields';
import { localeRule, ruleFromLocale } from './formula-locale';
import { sheetById } from './model';
import type { GridRange, Json } from './model';

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

export const SHEET_EXTRA_REQUESTS: Record<string, RequestHandler> = {
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
