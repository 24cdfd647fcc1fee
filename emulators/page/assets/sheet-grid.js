// @ts-check
// One tab as a table: the header row with its notes as tooltips, computed values as the
// API formats them, conditional colours, and in-place editors on the columns people own.
// Machine and formula columns (the workspace protects them) are read-only here.
import { el, texts } from './dom.js';
import { conditionalColours, editorFor, effective, protectsColumn } from './sheet-rules.js';

const T = texts.sheet;

/**
 * @param {any} sheet the Sheet resource (properties, protectedRanges, conditionalFormats, data)
 * @param {{ listValues: (range: string) => string[], onEdit: (row: number, col: number, value: string | boolean, cell: HTMLElement) => void }} opts
 */
export function buildGrid(sheet, opts) {
  const rows = (sheet.data?.[0]?.rowData ?? []).map((r) => r.values ?? []);
  const header = rows[0] ?? [];
  const width = header.length;
  // Rows that formulas prepare ahead (all "") are not shown: a person sees an empty row.
  let last = rows.length;
  while (last > 1 && !rows[last - 1].some((c) => (c.formattedValue ?? '') !== '')) last--;
  const editable = Array.from({ length: width }, (_, c) => !protectsColumn(sheet.protectedRanges, c));
  // Where the first column is people's own (reviews, sessions, members), offer a blank row to add one.
  const withBlank = width > 0 && editable[0];
  const shown = rows.slice(1, last);
  if (withBlank) shown.push(Array.from({ length: width }, () => ({})));
  const valueAt = (r, c) => effective(rows[r]?.[c]);
  const colour = conditionalColours(sheet.conditionalFormats, valueAt);

  const head = el('tr', {}, el('th', { className: 'rownum', text: '' }),
    ...header.map((cell, c) =>
      el('th', {
        className: editable[c] ? 'own' : 'machine',
        text: cell.formattedValue ?? '',
        title: cell.note ?? '',
        dataset: { col: cell.formattedValue ?? '' },
        attrs: { scope: 'col' },
      })));
  const body = shown.map((cells, i) => {
    const r = i + 1; // 0-based grid row
    const tr = el('tr', { dataset: { row: String(r + 1), key: rows[r]?.[0]?.formattedValue ?? '' } }, el('th', { className: 'rownum', text: String(r + 1), attrs: { scope: 'row' } }));
    for (let c = 0; c < width; c++) {
      const cell = cells[c] ?? {};
      const td = el('td', { dataset: { col: header[c]?.formattedValue ?? '' } });
      const bg = r < last ? colour(r, c) : undefined;
      if (bg) td.style.backgroundColor = bg;
      if (editable[c]) td.append(editor(cell, r, c, td));
      else {
        const text = cell.formattedValue ?? '';
        td.textContent = text;
        if (text.length > 24) td.title = text;
        if (typeof effective(cell) === 'number') td.classList.add('num');
      }
      tr.append(td);
    }
    return tr;
  });

  function editor(cell, r, c, td) {
    const rule = editorFor(cell.dataValidation);
    const current = cell.formattedValue ?? '';
    const label = { 'aria-label': `${header[c]?.formattedValue ?? ''} ${r + 1}` };
    const send = (value) => opts.onEdit(r, c, value, td);
    if (rule.kind === 'checkbox') {
      const box = el('input', { type: 'checkbox', checked: effective(cell) === true, attrs: label });
      box.addEventListener('change', () => send(box.checked));
      return box;
    }
    if (rule.kind === 'list') {
      const values = rule.values ?? opts.listValues(rule.range);
      const options = values.includes(current) || current === '' ? values : [current, ...values];
      const select = el('select', { attrs: label }, el('option', { value: '', text: '' }), ...options.map((v) => el('option', { value: v, text: v, selected: v === current })));
      select.addEventListener('change', () => send(select.value));
      return select;
    }
    const input = el('input', {
      type: rule.kind === 'number' ? 'number' : 'text',
      defaultValue: current,
      title: current.length > 24 ? current : '',
      attrs: { ...label, ...(rule.kind === 'number' ? { min: rule.min, max: rule.max, step: 'any' } : {}) },
    });
    input.addEventListener('change', () => {
      // Strict validation, as Sheets' own UI refuses the value before anything is saved.
      if (rule.kind === 'number' && input.value !== '') {
        const n = Number(input.value);
        if (!Number.isFinite(n) || n < rule.min || n > rule.max) {
          input.setCustomValidity(T.outOfRange.replace('{min}', rule.min).replace('{max}', rule.max));
          input.reportValidity();
          return;
        }
      }
      input.setCustomValidity('');
      send(input.value);
    });
    return input;
  }

  return el('table', { className: 'grid' }, el('thead', {}, head), el('tbody', {}, ...body));
}
