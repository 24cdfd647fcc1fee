// Accepted messages, optionally persisted so a sink restarted between two runs of the
// local stack still shows what was "sent" before.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface StoredMessage {
  id: string;
  receivedAt: string;
  /** The mail/send JSON exactly as received. */
  body: unknown;
}

interface OutboxFile {
  version: 1;
  messages: StoredMessage[];
}

/** Write-then-rename so a crash mid-write never leaves a truncated state file behind. */
export function writeJsonAtomic(file: string, data: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, JSON.stringify(data));
  renameSync(tmp, file);
}

function load(file: string): StoredMessage[] {
  if (!existsSync(file)) return [];
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<OutboxFile>;
  // Fail loudly: silently starting empty would make a corrupt file look like "nothing sent".
  if (parsed.version !== 1 || !Array.isArray(parsed.messages)) {
    throw new Error(`SendGrid sink: ${file} is not a sink state file`);
  }
  return parsed.messages;
}

export class Outbox {
  private items: StoredMessage[];

  constructor(private readonly stateFile?: string) {
    this.items = stateFile ? load(stateFile) : [];
  }

  /** Oldest first; copies, so callers cannot mutate stored state. */
  list(): StoredMessage[] {
    return structuredClone(this.items);
  }

  add(message: StoredMessage): void {
    this.items.push(message);
    this.persist();
  }

  clear(): void {
    this.items = [];
    this.persist();
  }

  private persist(): void {
    if (this.stateFile) writeJsonAtomic(this.stateFile, { version: 1, messages: this.items } satisfies OutboxFile);
  }
}
