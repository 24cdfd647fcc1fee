// The Sheets emulator's single entry into the validator: its route names ('values.append')
// map to discovery ids ('sheets.spreadsheets.values.append'); violations become the
// emulator's own ApiError with Google's BadRequest details.
import { ApiError } from '../sheets/errors';
import { SHEETS_RULES } from './sheets-rules';
import { badRequest, discovery, validateCall } from './validate';

export function checkSheetsCall(route: string, call: { query: URLSearchParams; body?: unknown }): void {
  const id = route.startsWith('values.') ? `sheets.spreadsheets.${route}` : `sheets.${route}`;
  const violations = validateCall(discovery('sheets.v4'), id, call, { rules: SHEETS_RULES });
  if (violations.length === 0) return;
  const { message, details } = badRequest(violations);
  throw new ApiError('INVALID_ARGUMENT', message, details);
}
