// Optional persistence of the emulator state, so forms, responses and watches survive a
// restart of the local stack. Written whole after each change; the state is small.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { emptyState } from './model';
import type { FormRecord, FormsState } from './model';

export function loadState(file: string | undefined): FormsState {
  if (!file || !existsSync(file)) return emptyState();
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<FormsState>;
  // Refuse rather than start empty: an unreadable file would otherwise look like "no forms".
  if (parsed.version !== 1 || typeof parsed.forms !== 'object' || !Array.isArray(parsed.watches)) {
    throw new Error(`Forms emulator: ${file} is not a Forms emulator state file`);
  }
  const forms = parsed.forms ?? {};
  // Files written before publish settings were modelled marked closed forms `unpublished`
  // and every other form was published; carry that over rather than lose it.
  for (const f of Object.values(forms) as Array<Omit<FormRecord, 'publishState'> & { publishState?: FormRecord['publishState']; unpublished?: boolean }>) {
    if (f.publishState === undefined) f.publishState = { isPublished: !f.unpublished, isAcceptingResponses: !f.unpublished };
    delete f.unpublished;
  }
  return { version: 1, forms, responses: parsed.responses ?? {}, watches: parsed.watches };
}

/** Write-then-rename so a crash mid-write never leaves a truncated state file behind. */
export function saveState(file: string | undefined, state: FormsState): void {
  if (!file) return;
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, JSON.stringify(state));
  renameSync(tmp, file);
}
