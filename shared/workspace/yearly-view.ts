// The yearly view (Informe anual): the figures of the network's yearly report, per year and
// per call, by formulas. The Commission types a year (and, to split it, a call) per row;
// the breakdown by county, province, town size and thematic area is for the year typed
// under "Any del desglossament". The areas are every area requests name, so one added to a
// call after setup is counted too. Requests count by the year they were sent; sessions by
// the year they were held, and only inside their call's window.
import { portable } from './formula-syntax';
import { breakdowns } from './yearly-breakdowns';
import { figures } from './yearly-figures';
import { SHOWN, YEARLY_FORMULA_HEADERS, YEARLY_SHOWN_ROWS, type LetterOf } from './yearly-layout';

export {
  BREAKDOWN_YEAR,
  topicCell,
  YEARLY_FIGURES,
  YEARLY_FIRST_HIDDEN,
  YEARLY_FORMULA_HEADERS,
  YEARLY_HEADERS,
  YEARLY_INPUTS,
  YEARLY_ROWS,
  YEARLY_SEED,
  YEARLY_SHOWN_ROWS,
  YEARLY_TAB,
} from './yearly-layout';

export const yearlyFormulas = (r: number, L: LetterOf): string[] => {
  const byHeader = { ...figures(r, L), ...breakdowns(r, L) };
  const past = r > YEARLY_SHOWN_ROWS + 1;
  return YEARLY_FORMULA_HEADERS.map((h) => (past && SHOWN.has(h) ? '' : portable(byHeader[h]!)));
};
