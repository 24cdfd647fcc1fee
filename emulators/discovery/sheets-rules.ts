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
const warningOnlyEditors: ProseRule = (range, path) => {
  if (range.warningOnly !== true) return [];
  const e = range.editors;
  const named = typeof e === 'object' && e !== null && Object.values(e).some((v) => v === true || (Array.isArray(v) && v.length > 0));
  return named ? [backendViolation(path, 'editors', 'Editors are not supported with warning_only protection.')] : [];
};

export const SHEETS_RULES: Record<string, ProseRule> = {
  BooleanCondition: conditionValues,
  ProtectedRange: warningOnlyEditors,
};
