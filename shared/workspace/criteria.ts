// Weights of the selection criteria and priority factors live in the Criteris tab, where
// the Commission can change them. Formulas find a weight by its key (column Clau), never by
// its row: the Commission may sort the tab, and a criterion added in a later version is
// appended by setup below the rows already there.
import { columnLetter } from './tabs';
import { CRITERIA_TAB } from './tabs-extra';

export const CRITERIA_HEADERS = ['Clau', 'Criteri o factor', 'Pes', 'Com es compta'] as const;
export const CRITERIA_KEY = CRITERIA_HEADERS[0];

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

const column = (h: (typeof CRITERIA_HEADERS)[number]) => {
  const letter = columnLetter(CRITERIA_HEADERS.indexOf(h));
  return `${CRITERIA_TAB}!$${letter}:$${letter}`;
};

/** A criterion's weight, looked up by key; a criterion whose row is gone weighs 0. */
export function weightRef(key: CriterionKey): string {
  return `IFERROR(INDEX(${column('Pes')},MATCH("${key}",${column(CRITERIA_KEY)},0)),0)`;
}
