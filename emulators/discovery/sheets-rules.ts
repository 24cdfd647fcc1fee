// Sheets v4 rules that the discovery document states in prose only, checked wherever the
// message appears in a body (conditional formats, data validation, filters, protection).
import type { ProseRule } from './body';
import { backendViolation } from './prose-where';

// BooleanCondition.type, enumDescriptions of NUMBER_BETWEEN, NUMBER_NOT_BETWEEN, DATE_BETWEEN
// and DATE_NOT_BETWEEN (sheets.v4.json, revision 20260921): "Requires exactly two ConditionValues."
const TWO_VALUES = new Set(['NUMBER_BETWEEN', 'NUMBER_NOT_BETWEEN', 'DATE_BETWEEN', 'DATE_NOT_BETWEEN']);

const conditionValues: ProseRule = (condition, path) => {
  const type = condition.type;
  if (typeof type !== 'string' || !TWO_VALUES.has(type)) return [];
  const n = Array.isArray(condition.values) ? condition.values.length : 0;
  return n === 2 ? [] : [backendViolation(path, 'values', `${type} requires exactly two ConditionValues, got ${n}.`)];
};

// ProtectedRange.editors (sheets.v4.json, revision 20260921): "Editors are not supported with
// warning_only protection." The warningOnly description adds "When writing: if this field is
// true, then editors are ignored." — we refuse rather than ignore, so a request that would
// silently lose its editors is caught in a test (strict where Google's text is ambiguous).
export const WARNING_ONLY_EDITORS = 'Editors are not supported with warning_only protection.';

/** A protected range that is warning-only and names editors (users, groups or the domain). */
export function warningOnlyWithEditors(range: Record<string, unknown>): boolean {
  const e = range.editors;
  return range.warningOnly === true && typeof e === 'object' && e !== null && Object.values(e).some((v) => v === true || (Array.isArray(v) && v.length > 0));
}

const warningOnlyEditors: ProseRule = (range, path) =>
  warningOnlyWithEditors(range) ? [backendViolation(path, 'editors', WARNING_ONLY_EDITORS)] : [];

export const SHEETS_RULES: Record<string, ProseRule> = {
  BooleanCondition: conditionValues,
  ProtectedRange: warningOnlyEditors,
};
