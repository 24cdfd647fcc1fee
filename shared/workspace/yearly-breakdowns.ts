// The yearly view's breakdowns by county, province, town size and thematic area, for the
// year typed under "Any del desglossament".
import { a1Tab, TABS } from './tabs';
import { BREAKDOWN_YEAR, DIMENSIONS, hidden, MIRRORS, shown, yc, YEARLY_ROWS, type LetterOf } from './yearly-layout';

const req = a1Tab(TABS.requests);

// The breakdowns count locally, over mirrors of the request rows, by number: a value's
// group is the row where it first appears (MATCH takes no operators, so a band such as
// "< 10.000" is text, and COUNTIFS sees only numbers), and "order" counts the new values
// up to each row, so the k-th shown row is the k-th distinct value. Each row is O(1).
export function breakdowns(r: number, L: LetterOf): Record<string, string> {
  const last = YEARLY_ROWS + 1;
  const local = (h: string) => `$${yc(h)}$2:$${yc(h)}$${last}`;
  const mirror = (helper: string) => `=IFERROR(INDEX(${req}!$${L(helper)}:$${L(helper)},${r}),"")`;
  const year = `$${yc(BREAKDOWN_YEAR)}$2`;
  const out: Record<string, string> = Object.fromEntries(MIRRORS.map((m) => [m.header, mirror(m.helper)]));
  const inYear = `${local('Origen: any')},${year}`;
  for (const d of DIMENSIONS) {
    const [name, requests, accepted, served] = shown(d) as [string, string, string, string];
    const [origin, group, order] = hidden(d) as [string, string, string];
    const o = `$${yc(origin)}${r}`;
    out[origin] = `=IFERROR(INDEX(${req}!$${L(d.helper)}:$${L(d.helper)},${r})&"","")`;
    out[group] = `=IF(${o}="","",MATCH(${o},${local(origin)},0))`;
    const isNew = `IF($${yc(group)}${r}=${r - 1},1,0)`;
    out[order] = r === 2 ? `=${isNew}` : `=$${yc(order)}${r - 1}+${isNew}`;
    const at = `MATCH(${r - 1},${local(order)},0)`;
    out[name] = `=IFERROR(INDEX(${local(origin)},${at}),"")`;
    const where = `${local(group)},${at},${inYear}`;
    const blank = `OR($${yc(name)}${r}="",${year}="")`;
    out[requests] = `=IF(${blank},"",COUNTIFS(${where}))`;
    out[accepted] = `=IF(${blank},"",COUNTIFS(${where},${local('Origen: acceptada i enviada')},TRUE))`;
    out[served] = `=IF(${blank},"",ROUND(SUMIFS(${local('Origen: pes')},${where}),0))`;
  }
  return out;
}
