// Tab names and the fixed layouts of the machine-owned and configuration tabs. The
// request tab is addressed by header (people move its columns); these are not.

export const TABS = {
  requests: 'Sol·licituds',
  members: 'Municipis',
  calls: 'Convocatòries',
  pools: 'Bosses d’hores',
  log: 'Registre',
} as const;

export const MEMBER_HEADERS = [
  'Nom',
  'Tipus',
  'Comarca',
  'Província',
  'Població',
  'Data d’adhesió',
  'Actiu',
  'Contactes',
] as const;

export const CALL_HEADERS = [
  'ID',
  'Títol',
  'Obertura',
  'Termini (inclòs)',
  'Sessions des de',
  'Sessions fins a',
  'Membres recents des de',
  'Temàtica prioritària',
  'Hores per paquet',
  'Hores per sessió',
  'Àmbits temàtics',
  // Appended: setup adds it after the last header of an existing sheet.
  'Bases (enllaç)',
] as const;

export const POOL_HEADERS = ['Convocatòria', 'Servei', 'Hores de la bossa'] as const;

export const LOG_HEADERS = ['ID sol·licitud', 'Moment', 'Tipus', 'Estat', 'Clau', 'Detall'] as const;

/**
 * A tab name as Sheets writes it in A1 notation: bare when it is a plain word, quoted
 * otherwise ('Bosses d’hores'!A1). Matching Sheets' own spelling keeps formula text stable
 * between what setup writes and what it reads back.
 */
export const a1Tab = (name: string): string => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

/** Column letters for a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A column below its header, as validation ranges name it: `'Bosses d’hores'!$B$2:$B`. */
export function dataColumn(tab: string, headers: readonly string[], header: string): string {
  const i = headers.indexOf(header);
  if (i < 0) throw new Error(`no column ${header} in ${tab}`);
  const letter = columnLetter(i);
  return `${a1Tab(tab)}!$${letter}$2:$${letter}`;
}
