// Calendar facts are Catalan: a deadline "8 May inclusive" means until 23:59:59 of that day
// in Europe/Madrid, whatever the server's zone.
import { DateTime } from 'luxon';

export const ZONE = 'Europe/Madrid';

/** The Catalan calendar day (YYYY-MM-DD) of an instant given as ISO 8601 with offset. */
export function localDay(instantIso: string): string {
  return DateTime.fromISO(instantIso, { setZone: true }).setZone(ZONE).toISODate() ?? '';
}

/** "2020-05-08 14:03:07" in Catalan time: readable, and sorts as text. */
export function localStamp(instant: Date): string {
  return DateTime.fromJSDate(instant).setZone(ZONE).toFormat('yyyy-MM-dd HH:mm:ss');
}

/** Catalan long date for emails: "8 de maig de 2020". */
export function longDate(day: string): string {
  const d = DateTime.fromISO(day, { zone: ZONE }).setLocale('ca');
  return d.isValid ? d.toFormat("d 'de' LLLL 'de' yyyy").replace(/de ([aeiou])/i, "d’$1") : day;
}

// Sheets counts days from 1899-12-30.
const SHEETS_EPOCH = DateTime.fromISO('1899-12-30', { zone: 'UTC' });

/**
 * A day as the Commission may have typed it: an ISO date, "8/5/2020" (Catalan order), or
 * a Sheets serial number. Returns YYYY-MM-DD, or undefined when it is not a date.
 */
export function parseDay(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return SHEETS_EPOCH.plus({ days: Math.floor(value) }).toISODate() ?? undefined;
  }
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(s);
  if (m) return valid(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return valid(+m[3]!, +m[2]!, +m[1]!);
  return undefined;
}

function valid(year: number, month: number, day: number): string | undefined {
  const d = DateTime.fromObject({ year, month, day }, { zone: ZONE });
  return d.isValid ? (d.toISODate() ?? undefined) : undefined;
}
