// Reading the log tab (Registre) as the outbox it is, to check a soak's outcome: which
// sends failed and whether the log says so, which emails went out twice and whether each
// was a crash-window resend that staff were told about.
import type { SendAttempt } from './mail-tap';
import type { SinkMail } from './mail-checks';

export interface Entry {
  requestId?: string;
  at?: string;
  kind?: string;
  state?: string;
  key?: string;
  detail?: string;
}

/** Each key's entries in order; a write repeated after a lost answer shows once, as in the outbox. */
export function byKey(log: readonly Entry[]): Map<string, Entry[]> {
  const out = new Map<string, Entry[]>();
  for (const e of log) {
    if (!e.key) continue;
    const list = out.get(e.key) ?? [];
    const prev = list.at(-1);
    if (!(prev && prev.at === e.at && prev.state === e.state && prev.detail === e.detail)) list.push(e);
    out.set(e.key, list);
  }
  return out;
}

/** Intents followed by another intent: a send whose result was never written (the crash window). */
export const lostResults = (entries: readonly Entry[] = []): number =>
  entries.filter((e, i) => e.state === 'pendent' && entries[i + 1]?.state === 'pendent').length;

const textOf = (m: SinkMail) => m.content?.find((c) => c.type === 'text/plain')?.value ?? '';
const REFERENCE = /\b\d{4}-\d{2}-\d{3}\b/g;

/** The log key each email is sent under, when it has one. */
export function keyOf(m: SinkMail): string | undefined {
  const a = m.custom_args ?? {};
  if (a.kind === 'confirmacio') return `confirmacio:${a.requestId}`;
  if (a.kind === 'decisio') return a.key;
  return undefined;
}

/**
 * Every refused send must be accounted for by the log: an `error` result under its key,
 * or an intent left open by a lost result write (then resent and reported as a possible
 * duplicate). A staff notice is logged under each request it listed.
 */
export function unexplainedFailures(attempts: readonly SendAttempt[], log: readonly Entry[], idOfReference: ReadonlyMap<string, string>): string[] {
  const keys = byKey(log);
  const failures = new Map<string, number>();
  const tally = (k: string) => failures.set(k, (failures.get(k) ?? 0) + 1);
  for (const a of attempts.filter((x) => x.status >= 500)) {
    const key = keyOf(a.mail);
    if (key) tally(key);
    else if (a.mail.custom_args?.kind === 'avis_personal') {
      for (const ref of new Set(textOf(a.mail).match(REFERENCE) ?? [])) tally(`avis_personal:${idOfReference.get(ref) ?? ref}`);
    }
  }
  const problems: string[] = [];
  for (const [key, count] of failures) {
    const entries = keys.get(key) ?? [];
    const errors = entries.filter((e) => e.state === 'error');
    // The staff notice's result travels in the same write as the confirmation's.
    const lost = lostResults(keys.get(key.replace(/^avis_personal:/, 'confirmacio:')));
    if (count > errors.length + lost) problems.push(`${key}: ${count} refused sends, ${errors.length} errors and ${lost} lost results in the log`);
    for (const e of errors) if (!/SendGrid send failed \(5\d\d\)/.test(e.detail ?? '')) problems.push(`${key}: error without its cause: ${e.detail}`);
  }
  return problems;
}


/**
 * Items of a refused digest that no later digest carried (staff never saw them). `lapses`:
 * standing conditions that may stop holding before the next digest (free hours for a waiting
 * request, taken again by an acceptance sent meanwhile): nothing is left to tell then.
 */
export function droppedDigestItems(attempts: readonly SendAttempt[], lapses: (item: string) => boolean = () => false): string[] {
  const items = (m: SinkMail) => textOf(m).split('\n').filter((l) => l.startsWith('- ')).map((l) => l.slice(2));
  const dropped: string[] = [];
  attempts.forEach((a, i) => {
    if (a.status < 500 || a.mail.custom_args?.kind !== 'resum') return;
    const later = new Set(attempts.slice(i + 1).filter((x) => x.status === 202 && x.mail.custom_args?.kind === 'resum').flatMap((x) => items(x.mail)));
    for (const item of items(a.mail)) if (!later.has(item) && !lapses(item)) dropped.push(item);
  });
  return dropped;
}

/** Emails accepted more than once under the same key. */
export function duplicates(accepted: readonly SinkMail[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of accepted) {
    const k = keyOf(m);
    if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return new Map([...counts].filter(([, n]) => n > 1));
}
