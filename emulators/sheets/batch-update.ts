// spreadsheets.batchUpdate: requests applied in order to the copy the router hands in, so the
// batch is all-or-nothing (an invalid request makes the router drop the copy). One reply per
// request — `{}` where Google sends none. Errors name the failing request the way Google
// does: "Invalid requests[1].updateCells: …".
import { ApiError, invalid } from './errors';
import { touch } from './model';
import type { Json, Spreadsheet } from './model';
import { CELL_REQUESTS } from './batch-cells';
import { SHEET_EXTRA_REQUESTS } from './batch-sheet-extras';
import { SHEET_REQUESTS } from './batch-sheets';
import { spreadsheetJson } from './spreadsheets';

/** A request kind: mutates `ss`, returns its reply (or undefined for `{}`). */
export type { RequestHandler } from './batch-handler';
import type { RequestHandler } from './batch-handler';

const HANDLERS: Record<string, RequestHandler> = { ...SHEET_REQUESTS, ...SHEET_EXTRA_REQUESTS, ...CELL_REQUESTS };

export function batchUpdate(ss: Spreadsheet, body: Json): Json {
  const requests = body['requests'];
  if (!Array.isArray(requests) || requests.length === 0) {
    throw invalid('Invalid requests: Must specify at least one request.');
  }
  const replies = requests.map((raw: unknown, i) => {
    const request = (raw ?? {}) as Json;
    const kinds = Object.keys(request).filter((k) => request[k] !== undefined && request[k] !== null);
    if (kinds.length === 0) throw invalid(`Invalid requests[${i}]: No request set.`);
    const kind = kinds[0] as string;
    const handler = HANDLERS[kind];
    if (!handler) {
      throw invalid(`Invalid JSON payload received. Unknown name "${kind}" at 'requests[${i}]': Cannot find field.`);
    }
    if (kinds.length > 1) {
      throw invalid(`Invalid value at 'requests[${i}]' (oneof), oneof field 'kind' is already set. Cannot set '${kinds[1]}'`);
    }
    const where = `requests[${i}].${kind}`;
    try {
      const reply = handler(ss, (request[kind] ?? {}) as Json, where);
      touch(ss);
      return reply ?? {};
    } catch (e) {
      if (e instanceof ApiError && e.status === 'INVALID_ARGUMENT' && !e.message.startsWith('Invalid ')) {
        throw invalid(`Invalid ${where}: ${e.message}`);
      }
      throw e;
    }
  });
  const out: Json = { spreadsheetId: ss.spreadsheetId, replies };
  if (body['includeSpreadsheetInResponse'] === true) {
    const ranges = Array.isArray(body['responseRanges']) ? (body['responseRanges'] as unknown[]).map(String) : [];
    out['updatedSpreadsheet'] = spreadsheetJson(ss, ranges, body['responseIncludeGridData'] === true);
  }
  return out;
}
