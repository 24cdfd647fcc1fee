// `npm run bench -- --only api,burst,cold`: measures again only the figures a change touches
// (the write lease: API calls per submission and the burst; cold start and the bundles) and puts them into
// bench/RESULTS.md in place of the old rows, marked †, keeping the rest of the last full
// run — each row still comes from one run, and the file says which.
const MARK = ' †';

/** A row's identity: its figure up to the first colon (the figure's name), without the mark or a trailing (count). */
const keyOf = (figure: string) =>
  figure
    .replace(MARK, '')
    .split(':')[0]!
    .replace(/\s*\([^)]*\)$/, '')
    .trim();
const cells = (line: string) => line.slice(1, -1).split(' | ').map((c) => c.trim());
const line = (row: string[]) => `| ${row.join(' | ')} |`;

export function mergeRows(markdown: string, fresh: string[][], note: string): string {
  const lines = markdown.split('\n');
  const first = lines.findIndex((l) => l.startsWith('| Figure |'));
  if (first < 0) throw new Error('bench/RESULTS.md has no figures table: run the whole bench first');
  let end = first + 2;
  while (lines[end]?.startsWith('|')) end++;
  const table = lines.slice(first + 2, end);
  let cursor = -1;
  for (const row of fresh) {
    const marked = line([`${row[0]}${MARK}`, ...row.slice(1)]);
    const at = table.findIndex((l) => keyOf(cells(l)[0]!) === keyOf(row[0]!));
    if (at >= 0) {
      table[at] = marked;
      cursor = at;
    } else {
      table.splice(++cursor, 0, marked);
    }
  }
  // The previous partial run's note goes, and with it the blank line it added.
  const head = lines.slice(0, first).filter((l) => !l.startsWith('†')).filter((l, i, all) => l !== '' || all[i - 1] !== '');
  const blank = head.findIndex((l, i) => i > 0 && l === '' && head[i - 1] !== '' && !head[i - 1]!.startsWith('#'));
  const at = blank >= 0 ? blank : head.length;
  head.splice(at, 0, '', `†${note}`);
  return [...head, ...lines.slice(first, first + 2), ...table, ...lines.slice(end)].join('\n');
}

/** A `### ` section (its heading starting with `heading`) replaced, or added after the figures if absent. */
export function replaceSection(markdown: string, heading: string, section: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`### ${heading}`));
  if (start < 0) {
    let end = lines.findIndex((l) => l.startsWith('| Figure |'));
    while (lines[end]?.startsWith('|')) end++;
    return [...lines.slice(0, end), '', section, ...lines.slice(end)].join('\n');
  }
  let end = start + 1;
  while (end < lines.length && !lines[end]!.startsWith('### ')) end++;
  return [...lines.slice(0, start), section, '', ...lines.slice(end)].join('\n');
}
