// Weights of the selection criteria and priority factors live in the Criteris tab, where
// the Commission can change them; formulas read them by fixed cell, nothing is hard-coded.

export const CRITERIA_HEADERS = ['Clau', 'Criteri o factor', 'Pes', 'Com es compta'] as const;

export const CRITERIA = [
  ['necessitat', 'Necessitat i impacte previst', 1, 'Puntuació 0–5 de la Comissió o mitjana de valoracions vàlides'],
  ['transferibilitat', 'Transferibilitat', 1, 'Puntuació 0–5'],
  ['alineacio', 'Alineació amb la XMESS', 1, 'Puntuació 0–5'],
  ['implicacio', 'Implicació (servei i òrgans de la XMESS)', 0.25, 'Per punt de 0 a 3'],
  ['diversitat', 'Diversitat (necessitats, territori, gènere…)', 0.25, 'Per punt de 0 a 3'],
  ['tematica', 'Resposta a la temàtica prioritària', 0.5, 'Si la sol·licitud hi respon'],
  ['recent', 'Municipi adherit recentment', 0.5, 'Si és membre recent segons la convocatòria'],
  ['trajectoria', 'Trajectòria curta en polítiques d’ESS', 0.5, 'Si la trajectòria és inicial'],
] as const;

export type CriterionKey = (typeof CRITERIA)[number][0];

/** Absolute reference to a weight: Criteris!$C$2 for the first. */
export function weightRef(key: CriterionKey): string {
  const i = CRITERIA.findIndex((c) => c[0] === key);
  return `Criteris!$C$${i + 2}`;
}
