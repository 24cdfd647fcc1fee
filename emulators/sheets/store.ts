// In-memory spreadsheets plus optional JSON persistence. The state file is rewritten
// synchronously (write to a temp file, then rename over the old one) before a mutating call
// is answered: a crash mid-write never leaves a torn file, and "applied then answered 503"
// faults really are applied on disk when the client sees the error.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Spreadsheet } from './model';

interface StateFileV1 {
  version: 1;
  spreadsheets: Spreadsheet[];
}

export class SpreadsheetStore {
  private readonly byId = new Map<string, Spreadsheet>();
  private tempCounter = 0;

  constructor(private readonly stateFile?: string) {
    if (stateFile && existsSync(stateFile)) {
      const text = readFileSync(stateFile, 'utf8');
      if (text.trim()) {
        const state = JSON.parse(text) as StateFileV1;
        for (const ss of state.spreadsheets ?? []) this.byId.set(ss.spreadsheetId, ss);
      }
    }
  }

  get(id: string): Spreadsheet | undefined {
    return this.byId.get(id);
  }

  /** Stores (or replaces, after an atomic batch applied on a copy) a spreadsheet. */
  put(ss: Spreadsheet): void {
    this.byId.set(ss.spreadsheetId, ss);
  }

  clear(): void {
    this.byId.clear();
  }

  persist(): void {
    if (!this.stateFile) return;
    const state: StateFileV1 = { version: 1, spreadsheets: [...this.byId.values()] };
    mkdirSync(dirname(this.stateFile), { recursive: true });
    const tmp = `${this.stateFile}.${process.pid}.${++this.tempCounter}.tmp`;
    writeFileSync(tmp, JSON.stringify(state));
    renameSync(tmp, this.stateFile);
  }
}
