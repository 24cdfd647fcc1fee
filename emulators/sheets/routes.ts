// The REST surface: HTTP method + path (below /v4/spreadsheets) → handler and the counter
// key it is reported under. Reads are GETs (values.batchGet included); the rest are writes.
import { checkSheetsCall } from '../discovery/sheets-hook';
import { batchUpdate } from './batch-update';
import { notFound } from './errors';
import { parseFieldMask, selects } from './fields';
import type { Json, Spreadsheet } from './model';
import { createSpreadsheet, spreadsheetJson } from './spreadsheets';
import {
  valuesAppend,
  valuesBatchClear,
  valuesBatchGet,
  valuesBatchUpdate,
  valuesClear,
  valuesGet,
  valuesUpdate,
} from './values';
import type { ApiRequest } from './values';

export interface Route {
  method: string; // counter key, e.g. 'values.append'
  write: boolean;
  id?: string;
  run: (ss: Spreadsheet | undefined, req: ApiRequest) => Json | Spreadsheet;
}

/**
 * Whether a spreadsheets.get must compute cell values: not when its field mask leaves out
 * effectiveValue and formattedValue (setup reads only what was entered), so such a read never
 * waits for formulas. An unparsable mask is refused later, in index.ts.
 */
function wantsComputed(fields: string | null): boolean {
  if (!fields) return true;
  try {
    const tree = parseFieldMask(fields);
    const cell = ['sheets', 'data', 'rowData', 'values'];
    return selects(tree, [...cell, 'effectiveValue']) || selects(tree, [...cell, 'formattedValue']);
  } catch {
    return true;
  }
}

const needs = (ss: Spreadsheet | undefined): Spreadsheet => {
  if (!ss) throw notFound();
  return ss;
};

/**
 * Maps method + raw path (after /v4/spreadsheets) to a route; undefined for unknown paths.
 * Every route first checks its query and body against Google's discovery document.
 */
export function route(httpMethod: string, rest: string): Route | undefined {
  const r = match(httpMethod, rest);
  return r && { ...r, run: (ss, req) => (checkSheetsCall(r.method, req), r.run(ss, req)) };
}

function match(httpMethod: string, rest: string): Route | undefined {
  if (rest === '' || rest === '/') {
    return httpMethod === 'POST' ? { method: 'spreadsheets.create', write: true, run: (_s, r) => createSpreadsheet(r.body) } : undefined;
  }
  // Path parameters arrive percent-encoded (`:` as %3A), so a raw `:` marks a custom method.
  const m = /^\/([^/:]+)(.*)$/.exec(rest);
  if (!m) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(m[1] as string);
  } catch {
    return { method: 'unknown', write: httpMethod !== 'GET', run: () => { throw notFound(); } };
  }
  const tail = m[2] as string;
  const is = (verb: string, path: string): boolean => httpMethod === verb && tail === path;
  if (is('GET', '')) {
    return {
      method: 'spreadsheets.get',
      write: false,
      id,
      run: (ss, r) => {
        const grid = r.query.get('includeGridData') === 'true';
        return spreadsheetJson(needs(ss), r.query.getAll('ranges'), grid, grid && wantsComputed(r.query.get('fields')));
      },
    };
  }
  if (is('POST', ':batchUpdate')) return { method: 'spreadsheets.batchUpdate', write: true, id, run: (ss, r) => batchUpdate(needs(ss), r.body) };
  if (is('GET', '/values:batchGet')) return { method: 'values.batchGet', write: false, id, run: (ss, r) => valuesBatchGet(needs(ss), r) };
  if (is('POST', '/values:batchUpdate')) return { method: 'values.batchUpdate', write: true, id, run: (ss, r) => valuesBatchUpdate(needs(ss), r) };
  if (is('POST', '/values:batchClear')) return { method: 'values.batchClear', write: true, id, run: (ss, r) => valuesBatchClear(needs(ss), r) };
  const v = /^\/values\/(.+?)(?::(append|clear))?$/.exec(tail);
  if (!v) return undefined;
  const raw = v[1] as string;
  let range = raw;
  try {
    range = decodeURIComponent(raw);
  } catch {
    // Malformed escapes stay as sent; range parsing then refuses them with a 400.
  }
  if (v[2] === 'append' && httpMethod === 'POST') return { method: 'values.append', write: true, id, run: (ss, r) => valuesAppend(needs(ss), range, r) };
  if (v[2] === 'clear' && httpMethod === 'POST') return { method: 'values.clear', write: true, id, run: (ss) => valuesClear(needs(ss), range) };
  if (v[2]) return undefined;
  if (httpMethod === 'GET') return { method: 'values.get', write: false, id, run: (ss, r) => valuesGet(needs(ss), range, r) };
  if (httpMethod === 'PUT') return { method: 'values.update', write: true, id, run: (ss, r) => valuesUpdate(needs(ss), range, r) };
  return undefined;
}

