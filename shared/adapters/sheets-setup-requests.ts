// A setup plan as Sheets requests: one or more per step (formulas in runs of consecutive
// rows, validation and protection per column, colour rules, filter views, charts).
import type { sheets_v4 } from '@googleapis/sheets';
import type { Validation } from '../workspace/commission-columns';
import type { SetupStep } from '../workspace/setup-steps';
import type { ReadState } from './sheets-setup-read';

function validationRule(rule: Validation): sheets_v4.Schema$DataValidationRule {
  const v = (s: string | number) => ({ userEnteredValue: String(s) });
  switch (rule.kind) {
    case 'number':
      return { condition: { type: 'NUMBER_BETWEEN', values: [v(rule.min), v(rule.max)] }, strict: true };
    case 'list':
      return { condition: { type: 'ONE_OF_LIST', values: rule.values.map(v) }, strict: true, showCustomUi: true };
    case 'range':
      return { condition: { type: 'ONE_OF_RANGE', values: [v(`=${rule.range}`)] }, strict: true, showCustomUi: true };
    case 'checkbox':
      return { condition: { type: 'BOOLEAN' } };
    case 'multipleOf':
      return { condition: { type: 'CUSTOM_FORMULA', values: [v(rule.ofCell)] }, strict: true };
  }
}

/** Runs of consecutive rows become one updateCells each. */
function runs(cells: Array<{ row: number; formula: string }>): Array<Array<{ row: number; formula: string }>> {
  const out: Array<Array<{ row: number; formula: string }>> = [];
  for (const c of [...cells].sort((a, b) => a.row - b.row)) {
    const last = out[out.length - 1];
    if (last && last[last.length - 1]!.row === c.row - 1) last.push(c);
    else out.push([c]);
  }
  return out;
}

export function toRequests(steps: SetupStep[], state: ReadState): sheets_v4.Schema$Request[] {
  const reqs: sheets_v4.Schema$Request[] = [];
  for (const s of steps) {
    const info = state.ids.get(s.title);
    if (!info) continue;
    const sheetId = info.sheetId;
    const columns = (c: number[] | 'all') => (c === 'all' ? [undefined] : c);
    switch (s.kind) {
      case 'notes':
        for (const n of s.notes) {
          reqs.push({ updateCells: { start: { sheetId, rowIndex: 0, columnIndex: n.column }, rows: [{ values: [{ note: n.note }] }], fields: 'note' } });
        }
        break;
      case 'validation':
        reqs.push({
          setDataValidation: {
            range: { sheetId, startRowIndex: 1, endRowIndex: info.rowCount, startColumnIndex: s.column, endColumnIndex: s.column + 1 },
            rule: validationRule(s.rule),
          },
        });
        break;
      case 'formulas':
        for (const run of runs(s.cells)) {
          reqs.push({
            updateCells: {
              start: { sheetId, rowIndex: run[0]!.row - 1, columnIndex: s.column },
              // No formula: the cell is emptied (an older layout's formula, not a person's value).
              rows: run.map((c) => ({ values: [c.formula === '' ? {} : { userEnteredValue: { formulaValue: c.formula } }] })),
              fields: 'userEnteredValue',
            },
          });
        }
        break;
      case 'protect':
        for (const c of columns(s.columns)) {
          reqs.push({
            addProtectedRange: {
              protectedRange: {
                range: c === undefined ? { sheetId } : { sheetId, startColumnIndex: c, endColumnIndex: c + 1 },
                description: s.key,
                // With the functions' service accounts as the only editors, people cannot type
                // there; without them (local, or before deploy) they are warned instead.
                // Google: editors are not supported with warningOnly, so never both.
                ...(s.editors.length ? { warningOnly: false, editors: { users: s.editors } } : { warningOnly: true }),
              },
            },
          });
        }
        break;
      case 'enforce':
        reqs.push({
          updateProtectedRange: {
            protectedRange: { protectedRangeId: s.protectedRangeId, warningOnly: false, editors: { users: s.editors } },
            fields: 'warningOnly,editors',
          },
        });
        break;
      case 'conditional':
        reqs.push({
          addConditionalFormatRule: {
            index: 0,
            rule: {
              ranges: columns(s.columns).map((c) =>
                c === undefined ? { sheetId, startRowIndex: 1 } : { sheetId, startRowIndex: 1, startColumnIndex: c, endColumnIndex: c + 1 },
              ),
              booleanRule: { condition: { type: 'CUSTOM_FORMULA', values: [{ userEnteredValue: s.formula }] }, format: { backgroundColor: s.color } },
            },
          },
        });
        break;
      case 'filterView':
        reqs.push({
          addFilterView: {
            filter: {
              title: s.name,
              range: { sheetId },
              filterSpecs: [{ columnIndex: s.column, filterCriteria: { condition: { type: 'TEXT_EQ', values: [{ userEnteredValue: s.value }] } } }],
            },
          },
        });
        break;
      case 'chart': {
        const source = (c: number) => ({ sourceRange: { sources: [{ sheetId, startRowIndex: 0, endRowIndex: s.chart.rows, startColumnIndex: c, endColumnIndex: c + 1 }] } });
        reqs.push({
          addChart: {
            chart: {
              spec: {
                title: s.chart.title,
                basicChart: {
                  chartType: 'COLUMN',
                  legendPosition: 'BOTTOM_LEGEND',
                  headerCount: 1,
                  domains: [{ domain: source(0) }],
                  series: s.chart.series.map((c) => ({ series: source(c), targetAxis: 'LEFT_AXIS' })),
                },
              },
              position: { overlayPosition: { anchorCell: { sheetId, rowIndex: 1, columnIndex: s.chart.anchorColumn } } },
            },
          },
        });
        break;
      }
      default:
        break;
    }
  }
  return reqs;
}

/** Plain-text format for a column below its header: what is typed there stays text. */
export const textColumn = (sheetId: number, column: number): sheets_v4.Schema$Request => ({
  repeatCell: {
    range: { sheetId, startRowIndex: 1, startColumnIndex: column, endColumnIndex: column + 1 },
    cell: { userEnteredFormat: { numberFormat: { type: 'TEXT', pattern: '@' } } },
    fields: 'userEnteredFormat.numberFormat',
  },
});
