// What a failed check reports, shaped the way Google's front end reports a bad request:
//   {"error":{"code":400,"message":"Invalid JSON payload received. Unknown name \"bogus\" at
//    'requests[0].add_sheet.properties': Cannot find field.","status":"INVALID_ARGUMENT",
//    "details":[{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":
//    [{"field":"requests[0].add_sheet.properties","description":"Invalid JSON payload …"}]}]}
// (the body Google sends for an unknown name, as quoted in node-google-spreadsheet issue 523;
// several problems are joined with newlines in `message`, one fieldViolation each).
import { snake } from './names';

export interface Violation {
  /** Google's field path: snake_case names, indices in brackets; '' for the root. */
  field: string;
  description: string;
}

/** A path through a request body, kept as segments so it can be written both ways. */
export type Segment = string | number;


function render(path: readonly Segment[], name: (s: string) => string): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${name(seg)}` : name(seg);
  }
  return out;
}

/** `requests[0].add_sheet.properties`: how Google's JSON parser names a field. */
export const snakePath = (path: readonly Segment[]): string => render(path, snake);
/** `requests[0].addSheet.properties`: how the Sheets backend names a request in its errors. */
export const camelPath = (path: readonly Segment[]): string => render(path, (s) => s);

export interface GoogleBadRequest {
  message: string;
  details: unknown[];
}

export function badRequest(violations: readonly Violation[]): GoogleBadRequest {
  return {
    message: violations.map((v) => v.description).join('\n'),
    details: [
      {
        '@type': 'type.googleapis.com/google.rpc.BadRequest',
        fieldViolations: violations.map((v) => (v.field ? { field: v.field, description: v.description } : { description: v.description })),
      },
    ],
  };
}
