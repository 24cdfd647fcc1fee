// Members are matched by name as a person types it: "ajuntament de l’Hospitalet",
// "L'HOSPITALET DE LLOBREGAT" and a decomposed "Hospitalet" form all find one member.
import { foldForMatch } from './text';

export type MemberType = 'Ajuntament' | 'Consell Comarcal';

export interface Member {
  name: string;
  type: MemberType;
  county: string;
  province?: string;
  populationBand?: string;
  joinedOn?: string; // YYYY-MM-DD
  active: boolean;
  contacts?: string;
}

const PREFIX = /^(ajuntament|consell comarcal)\s*(de l'|de la |de les |dels |del |de |d')?/;

/** The name without its body prefix, folded for comparison, and the body type if named. */
export function memberKey(name: string): { key: string; type?: MemberType } {
  const folded = foldForMatch(name);
  const m = PREFIX.exec(folded);
  if (!m) return { key: folded };
  const article = m[2] === "de l'" ? "l'" : m[2]?.match(/^de (la|les) $/) ? m[2].slice(3) : '';
  const type: MemberType = m[1] === 'ajuntament' ? 'Ajuntament' : 'Consell Comarcal';
  return { key: (article + folded.slice(m[0].length)).trim(), type };
}

/** Also drops a leading article, so "La Garriga" and "Garriga" meet. */
const bare = (key: string) => key.replace(/^(l'|la |les |el |els )/, '');

export function findMember(members: readonly Member[], typed: string): Member | undefined {
  const wanted = memberKey(typed);
  const candidates = members.filter((m) => bare(memberKey(m.name).key) === bare(wanted.key));
  if (candidates.length <= 1) return candidates[0];
  // "Ajuntament de X" and "Consell Comarcal de X" both exist: the typed prefix decides.
  return candidates.find((m) => (memberKey(m.name).type ?? m.type) === (wanted.type ?? 'Ajuntament'));
}
