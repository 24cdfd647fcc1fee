// @ts-check
// Full de càlcul: the workspace read from the browser through the Sheets API emulator, one
// tab at a time, as the Commission sees it. Each edit is one values.update with
// USER_ENTERED, which is what a person's typing amounts to; the tab is then read again so
// totals and ranks show what the formula engine computed.
import { call, el, fill, fmt, say, texts } from './dom.js';
import { buildGrid } from './sheet-grid.js';
import { a1Tab, columnLetter } from './sheet-rules.js';

const T = texts.sheet;
const SPREADSHEET = '/v4/spreadsheets/local-workspace';
const DEFAULT_TAB = 'Sol·licituds';
// Enough rows for a demo; prepared formula rows below the data are trimmed anyway.
const MAX_ROWS = 300;
const CELL_FIELDS = 'formattedValue,effectiveValue,note,dataValidation';

/** @param {HTMLElement} root */
export function mountSheet(root) {
  let tabs = /** @type {any[]} */ ([]);
  let current = DEFAULT_TAB;
  let pending = /** @type {number | undefined} */ (undefined);
  // Edits in flight and the re-read after them: tests (and people) can tell when the view is current.
  let busy = 0;
  const track = (delta) => {
    busy += delta;
    root.dataset.busy = String(busy > 0);
  };
  const strip = el('nav', { className: 'sheet-tabs', attrs: { 'aria-label': T.tabs } });
  const info = el('p', { className: 'sheet-info' });
  const holder = el('div', { className: 'grid-holder' });
  const refreshButton = el('button', { type: 'button', className: 'secondary', text: T.refresh });
  refreshButton.addEventListener('click', () => void load());
  fill(root,
    el('div', { className: 'sheet-bar' }, strip, refreshButton),
    el('p', { className: 'legend' }, el('span', { className: 'swatch own' }), ` ${T.legendCommission} `, el('span', { className: 'swatch machine' }), ` ${T.legendMachine}`),
    info, holder);

  async function load() {
    track(+1);
    try {
      await loadAll();
    } finally {
      track(-1);
    }
  }

  async function loadAll() {
    const r = await call(`${SPREADSHEET}?fields=${encodeURIComponent('sheets(properties(sheetId,title,index,gridProperties))')}`);
    if (!r.ok) return fill(holder, el('p', { className: 'error', text: fmt(texts.loadFailed, { what: SPREADSHEET }) }));
    tabs = r.body.sheets.map((s) => s.properties);
    if (!tabs.some((t) => t.title === current)) current = tabs[0]?.title ?? '';
    fill(strip, ...tabs.map((t) => {
      const b = el('button', { type: 'button', className: 'sheet-tab', text: t.title, attrs: { 'aria-pressed': String(t.title === current) } });
      b.addEventListener('click', () => {
        current = t.title;
        void load();
      });
      return b;
    }));
    await loadTab();
  }

  let seq = 0;
  async function loadTab() {
    const mine = ++seq;
    const props = tabs.find((t) => t.title === current);
    if (!props) return fill(holder);
    const cols = columnLetter(Math.max(props.gridProperties.columnCount, 1) - 1);
    const range = `${a1Tab(current)}!A1:${cols}${Math.min(props.gridProperties.rowCount, MAX_ROWS)}`;
    const fields = `sheets(properties(sheetId,title),protectedRanges(range),conditionalFormats,data(rowData(values(${CELL_FIELDS}))))`;
    const r = await call(`${SPREADSHEET}?includeGridData=true&ranges=${encodeURIComponent(range)}&fields=${encodeURIComponent(fields)}`);
    if (!r.ok) return fill(holder, el('p', { className: 'error', text: fmt(texts.loadFailed, { what: current }) }));
    const sheet = r.body.sheets[0];
    const lists = await listValues(sheet);
    // Only the newest read is drawn, and never over a cell someone is typing in: leaving
    // that cell saves it (or not) and reads again.
    if (mine !== seq) return;
    const active = /** @type {any} */ (document.activeElement);
    if (holder.contains(active) && active.matches('input:not([type=checkbox])') && active.value !== active.defaultValue) {
      active.addEventListener('blur', () => void loadTab(), { once: true });
      return;
    }
    const scroll = holder.firstElementChild ? { left: holder.scrollLeft, top: holder.scrollTop } : undefined;
    const focused = holder.contains(document.activeElement) ? document.activeElement?.getAttribute('aria-label') : null;
    const table = buildGrid(sheet, { listValues: (range) => lists.get(range) ?? [], onEdit: write });
    const rows = table.tBodies[0].rows.length;
    info.textContent = rows ? (rows === 1 ? T.rowShown : fmt(T.rowsShown, { n: rows })) : T.empty;
    fill(holder, table);
    // A re-read after an edit keeps the person where they were in a wide tab.
    if (scroll) Object.assign(holder, { scrollLeft: scroll.left, scrollTop: scroll.top });
    if (focused) holder.querySelector(`[aria-label="${CSS.escape(focused)}"]`)?.focus();
    root.dataset.loadedTab = current;
  }

  /** The choices of ONE_OF_RANGE rules, read in one values.batchGet. */
  async function listValues(sheet) {
    const ranges = new Set();
    for (const row of sheet.data?.[0]?.rowData ?? []) {
      for (const cell of row.values ?? []) {
        const c = cell.dataValidation?.condition;
        if (c?.type === 'ONE_OF_RANGE') ranges.add(String(c.values?.[0]?.userEnteredValue ?? '').replace(/^=/, '').replace(/\$/g, ''));
      }
    }
    const out = new Map();
    if (!ranges.size) return out;
    const q = [...ranges].map((x) => `ranges=${encodeURIComponent(x)}`).join('&');
    const r = await call(`${SPREADSHEET}/values:batchGet?${q}`);
    [...ranges].forEach((range, i) => {
      const values = (r.body?.valueRanges?.[i]?.values ?? []).flat().map(String).filter(Boolean);
      out.set(range, [...new Set(values)]);
    });
    return out;
  }

  async function write(row, col, value, td) {
    track(+1);
    const range = `${a1Tab(current)}!${columnLetter(col)}${row + 1}`;
    td.classList.add('saving');
    say(T.saving);
    const r = await call(`${SPREADSHEET}/values/${encodeURIComponent(range)}?valueInputOption=USER_ENTERED`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ range, majorDimension: 'ROWS', values: [[value]] }),
    });
    td.classList.remove('saving');
    if (!r.ok) {
      track(-1);
      return say(`${T.saveFailed}: ${r.body?.error?.message ?? r.status}`, 'error');
    }
    say(`${T.saved}: ${range}`);
    // Quick successive edits (tab, type, tab) share one re-read of the tab.
    if (pending !== undefined) {
      clearTimeout(pending);
      track(-1);
    }
    pending = window.setTimeout(() => {
      pending = undefined;
      void loadTab().finally(() => track(-1));
    }, 150);
  }

  return { refresh: load };
}
