// Reading the configuration tabs as the Commission keeps them: dates typed as dates or
// text, booleans as checkboxes or "sí", lists separated by ";" or line breaks. A row that
// cannot be read is skipped rather than breaking intake.
import { DEFAULT_PACKAGE_HOURS, DEFAULT_SESSION_HOURS } from '../domain/vocabulary';
import type { Call, PoolConfig } from '../domain/calls';
import { parseDay } from '../domain/dates';
import type { Member, MemberType } from '../domain/members';

type Raw = readonly unknown[];

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v).trim());
const num = (v: unknown, fallback: number): number => {
  const n = typeof v === 'number' ? v : Number(text(v).replace(',', '.'));
  return Number.isFinite(n) && n > 0 ? n : fallback;
};
const truthy = (v: unknown): boolean =>
  v === true || ['true', 'sí', 'si', 'x', '1', 'verdader'].includes(text(v).toLowerCase());
/** Only a web address: anything else typed there would make a broken link in an email. */
const url = (v: unknown): string | undefined => (/^https?:\/\/[^\s<>"]+$/i.test(text(v)) ? text(v) : undefined);
const list = (v: unknown): string[] =>
  text(v)
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

export function parseMembers(rows: readonly Raw[]): Member[] {
  return rows.flatMap((r) => {
    const name = text(r[0]);
    if (!name) return [];
    const type: MemberType = /consell/i.test(text(r[1])) ? 'Consell Comarcal' : 'Ajuntament';
    return [
      {
        name,
        type,
        county: text(r[2]),
        province: text(r[3]) || undefined,
        populationBand: text(r[4]) || undefined,
        joinedOn: parseDay(r[5]),
        active: r[6] === undefined || text(r[6]) === '' ? true : truthy(r[6]),
        contacts: text(r[7]) || undefined,
      },
    ];
  });
}

export function parseCalls(rows: readonly Raw[]): Call[] {
  return rows.flatMap((r) => {
    const id = text(r[0]);
    const opens = parseDay(r[2]);
    const deadline = parseDay(r[3]);
    // A blank deadline is allowed (the bases may not give one); an unreadable one skips the row.
    if (!id || !opens || (text(r[3]) !== '' && !deadline)) return [];
    return [
      {
        id,
        title: text(r[1]) || id,
        opens,
        ...(deadline ? { deadline } : {}),
        sessionsFrom: parseDay(r[4]),
        sessionsTo: parseDay(r[5]),
        recentMemberSince: parseDay(r[6]),
        priorityTheme: text(r[7]),
        packageHours: num(r[8], DEFAULT_PACKAGE_HOURS),
        sessionHours: num(r[9], DEFAULT_SESSION_HOURS),
        topics: list(r[10]),
        basesUrl: url(r[11]),
      },
    ];
  });
}

/** The pools tab's first three columns: call ID or year, service, hours. */
export function parsePools(rows: readonly Raw[]): PoolConfig[] {
  return rows.flatMap((r) => {
    const callId = text(r[0]);
    const service = text(r[1]);
    return callId && service ? [{ callId, service, hours: num(r[2], 0) }] : [];
  });
}
