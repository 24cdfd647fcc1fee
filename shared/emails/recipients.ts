// Who an email goes to, checked where it is sent. Recipient cells are typed by people: a
// cell may hold two addresses, a formula error or a typo, and SendGrid refuses a message
// (400, for everyone on it) when one address appears twice across to, cc and bcc.
import * as z from 'zod/mini';
import type { OutgoingEmail } from '../ports';

const email = z.email();
const key = (address: string) => address.trim().toLowerCase();

/** The cell's one address, or undefined when it holds anything else (two addresses, an error, a typo). */
export function singleAddress(cell: string): string | undefined {
  const text = cell.trim();
  return email.safeParse(text).success ? text : undefined;
}

/** Every valid address of member contact cells (several per cell, any separator), each once. */
export function contactAddresses(cells: readonly string[]): string[] {
  return distinctAddresses(cells.flatMap((c) => c.split(/[,;\s]+/)).filter((a) => email.safeParse(a).success));
}

/** Each address once, whatever its case, and none of `exclude`; in the order given. */
export function distinctAddresses(addresses: readonly string[], exclude: readonly string[] = []): string[] {
  const seen = new Set(exclude.map(key));
  const out: string[] = [];
  for (const a of addresses) {
    const k = key(a);
    if (k === '' || seen.has(k)) continue;
    seen.add(k);
    out.push(a.trim());
  }
  return out;
}

/** The email with each address once across to and bcc (to keeps it). */
export function withDistinctRecipients(e: OutgoingEmail): OutgoingEmail {
  const to = distinctAddresses(e.to);
  const bcc = e.bcc && distinctAddresses(e.bcc, to);
  return { ...e, to, ...(bcc ? { bcc } : {}) };
}
