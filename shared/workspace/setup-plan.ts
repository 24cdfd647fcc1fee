// What setup must change, decided from what the spreadsheet holds now, without I/O. It
// adds: missing tabs and headers (appended; only an earlier version's header is renamed in
// place), notes, seed rows for configuration tabs still empty, validation, helper formulas
// that differ from their template (and empties a formula an older layout left where the
// template now has none), protections, colours and filter views. Running it on its own
// result plans nothing, and no plan touches a cell people type into. The steps and what is
// read are setup-steps.ts.
import { sameFormula } from './formula-syntax';
import { EMPTY, ruleKey, type CurrentTab, type ProtectionNow, type SetupStep } from './setup-steps';
import { columnLetter, TABS } from './tabs';
import type { TabSpec } from './tab-spec';
import { noteFor } from './workspace-spec';

/** The header row a tab will have once old names are renamed and missing headers appended after the last one. */
function projectedHeader(tab: TabSpec, now: CurrentTab): { header: string[]; start: number; missing: string[] } {
  const header = now.header.map((h) => (tab.renamed?.[h] && !now.header.includes(tab.renamed[h]) ? tab.renamed[h] : h));
  const missing = tab.headers.filter((h) => !header.includes(h));
  let end = header.length;
  while (end > 0 && !header[end - 1]) end--;
  if (missing.length) header.length = end;
  return { header: [...header, ...missing], start: end, missing };
}

/**
 * What a protection lacks for these writers: nothing without writers (a warning stays a
 * warning), else enforcement with every writer an editor. Editors someone added by hand
 * are kept; addresses compare case-insensitively, as Google's do.
 */
function enforcement(p: ProtectionNow, writers: readonly string[]): string[] | undefined {
  if (!writers.length) return undefined;
  const have = new Set(p.editors.map((e) => e.toLowerCase()));
  const missing = writers.filter((w) => !have.has(w.toLowerCase()));
  if (!p.warningOnly && !missing.length) return undefined;
  return [...p.editors, ...missing];
}

/**
 * `writers`: the service accounts that write (the functions'); protections name them as
 * their only editors besides the owner. Without them, protections only warn.
 */
export function planSetup(
  spec: readonly TabSpec[],
  current: ReadonlyMap<string, CurrentTab>,
  callIds: readonly string[] = [],
  writers: readonly string[] = [],
): SetupStep[] {
  const steps: SetupStep[] = [];
  // Every helper formula points into the request tab, wherever its columns are (or will be).
  const requestTab = spec.find((t) => t.title === TABS.requests);
  const requestHeader = requestTab ? projectedHeader(requestTab, current.get(TABS.requests) ?? EMPTY).header : [];
  const letterOf = (h: string) => columnLetter(Math.max(0, requestHeader.indexOf(h)));
  for (const tab of spec) {
    const now = current.get(tab.title) ?? EMPTY;
    if (!current.has(tab.title)) steps.push({ kind: 'addTab', title: tab.title });

    // Headers: an old name is renamed where it is; what is missing goes after the last non-empty header cell.
    const { header, start, missing } = projectedHeader(tab, now);
    now.header.forEach((from, column) => {
      if (tab.renamed?.[from] && header[column] !== from) steps.push({ kind: 'renameHeader', title: tab.title, column, from, to: header[column]! });
    });
    if (missing.length) steps.push({ kind: 'addHeaders', title: tab.title, startColumn: start, headers: missing });
    const col = (h: string) => header.indexOf(h);

    // Before the seed: a call ID written into a column not yet plain text would become a date.
    const plain = (tab.textColumns ?? []).filter((h) => !now.isText(h)).map(col);
    if (plain.length) steps.push({ kind: 'textFormat', title: tab.title, columns: plain });

    if (!now.hasData && tab.seed?.length) steps.push({ kind: 'seed', title: tab.title, rows: tab.seed, startRow: 2 });
    else if (tab.seed?.length && tab.seedKey) {
      // A seed row whose key the tab lacks (a criterion added in a new version) is appended;
      // the rows people already have, and their values, are left alone.
      const have = new Set(now.valuesOf(tab.seedKey));
      const key = tab.headers.indexOf(tab.seedKey);
      const missing = tab.seed.filter((r) => !have.has(String(r[key])));
      const last = Math.max(1, ...tab.headers.flatMap((h) => now.filledRows(h)));
      if (missing.length) steps.push({ kind: 'seed', title: tab.title, rows: missing, startRow: last + 1 });
    }

    const notes = tab.headers.flatMap((h) => {
      const note = noteFor(h);
      return note && now.notes[col(h)] !== note ? [{ column: col(h), note }] : [];
    });
    if (notes.length) steps.push({ kind: 'notes', title: tab.title, notes });

    for (const v of tab.validations ?? []) {
      const rule = typeof v.rule === 'function' ? v.rule(letterOf) : v.rule;
      if (now.validationOf(v.header) !== ruleKey(rule)) {
        steps.push({ kind: 'validation', title: tab.title, column: col(v.header), header: v.header, rule });
      }
    }

    if (tab.formulas) {
      const f = tab.formulas;
      const rows =
        f.rows === 'data'
          ? now.filledRows(f.keyHeader ?? tab.headers[0]!)
          : Array.from({ length: f.rows }, (_, i) => i + 2);
      const byHeader = new Map<string, Array<{ row: number; formula: string }>>();
      for (const row of rows) {
        const built = f.build(row, letterOf);
        f.headers.forEach((h, i) => {
          const formula = built[i]!;
          const there = now.formulaAt(h, row);
          if (formula === '' ? there === undefined : sameFormula(there, formula)) return;
          byHeader.set(h, [...(byHeader.get(h) ?? []), { row, formula }]);
        });
      }
      for (const [h, cells] of byHeader) steps.push({ kind: 'formulas', title: tab.title, column: col(h), header: h, cells });
    }

    const protect = (key: string, columns: number[] | 'all') => {
      const existing = now.protections.get(key) ?? [];
      if (!existing.length) steps.push({ kind: 'protect', title: tab.title, key, columns, editors: [...writers] });
      for (const p of existing) {
        const editors = enforcement(p, writers);
        if (editors) steps.push({ kind: 'enforce', title: tab.title, key, protectedRangeId: p.id, editors });
      }
    };
    if (tab.protect === 'all') protect(`xmess:protect:${tab.title}`, 'all');
    else for (const h of tab.protect ?? []) protect(`xmess:protect:${tab.title}:${h}`, [col(h)]);

    for (const c of tab.conditional ?? []) {
      const formula = c.formula(letterOf);
      if (![...now.conditionalFormulas].some((f) => sameFormula(f, formula))) {
        steps.push({ kind: 'conditional', title: tab.title, formula, columns: c.headers === 'row' ? 'all' : c.headers.map(col), color: c.color });
      }
    }

    if (tab.chart && !now.chartTitles.has(tab.chart.title)) steps.push({ kind: 'chart', title: tab.title, chart: tab.chart });

    if (tab.filterViewsByCall) {
      for (const id of callIds) {
        const name = `Convocatòria ${id}`;
        if (!now.filterViews.has(name)) steps.push({ kind: 'filterView', title: tab.title, name, column: col(tab.filterViewsByCall), value: id });
      }
    }
  }
  return steps;
}
