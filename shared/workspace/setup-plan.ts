// What setup must change, decided from what the spreadsheet holds now, without I/O:
// tabs that are missing, headers that are missing (appended, never moved or renamed),
// seed rows for configuration tabs that are still empty. Running it on its own result
// plans nothing, and nothing people typed is ever in a plan.
import { MACHINE_HEADERS } from './request-row';
import { SEED_CALLS, SEED_POOLS } from './seed';
import { CALL_HEADERS, LOG_HEADERS, MEMBER_HEADERS, POOL_HEADERS, TABS } from './tabs';

export interface TabSpec {
  title: string;
  headers: readonly string[];
  seed?: ReadonlyArray<ReadonlyArray<string | number | boolean>>;
}

export interface CurrentTab {
  header: string[];
  hasData: boolean;
}

export type SetupStep =
  | { kind: 'addTab'; title: string }
  | { kind: 'addHeaders'; title: string; startColumn: number; headers: string[] }
  | { kind: 'seed'; title: string; rows: ReadonlyArray<ReadonlyArray<string | number | boolean>> };

export function workspaceSpec(extraSeed: Partial<Record<string, TabSpec['seed']>> = {}): TabSpec[] {
  const tabs: TabSpec[] = [
    { title: TABS.requests, headers: MACHINE_HEADERS },
    { title: TABS.calls, headers: CALL_HEADERS, seed: SEED_CALLS },
    { title: TABS.pools, headers: POOL_HEADERS, seed: SEED_POOLS },
    { title: TABS.members, headers: MEMBER_HEADERS },
    { title: TABS.log, headers: LOG_HEADERS },
  ];
  return tabs.map((t) => ({ ...t, seed: [...(t.seed ?? []), ...(extraSeed[t.title] ?? [])] }));
}

export function planSetup(spec: readonly TabSpec[], current: ReadonlyMap<string, CurrentTab>): SetupStep[] {
  const steps: SetupStep[] = [];
  for (const tab of spec) {
    const now = current.get(tab.title);
    if (!now) steps.push({ kind: 'addTab', title: tab.title });
    const header = now?.header ?? [];
    const missing = tab.headers.filter((h) => !header.includes(h));
    if (missing.length) {
      // After the last non-empty header cell, so a person's extra columns stay where they are.
      let end = header.length;
      while (end > 0 && !header[end - 1]) end--;
      steps.push({ kind: 'addHeaders', title: tab.title, startColumn: end, headers: missing });
    }
    if (!now?.hasData && tab.seed?.length) steps.push({ kind: 'seed', title: tab.title, rows: tab.seed });
  }
  return steps;
}

export function describeStep(step: SetupStep): string {
  switch (step.kind) {
    case 'addTab':
      return `crea la pestanya «${step.title}»`;
    case 'addHeaders':
      return `afegeix a «${step.title}» les capçaleres: ${step.headers.join(', ')}`;
    case 'seed':
      return `omple «${step.title}» amb ${step.rows.length} files inicials`;
  }
}
