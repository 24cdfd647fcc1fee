// A partial bench run replaces its own rows in bench/RESULTS.md, marks them, and keeps the rest.
import { describe, expect, test } from 'vitest';
import { mergeRows, replaceSection } from '../../bench/partial';

const FILE = ['# Bench results', '', 'Full run, day 1.', '', '| Figure | Measured | Goal | Met |', '| --- | --- | --- | --- |',
  '| Cold start, intake: spawn | 1 s | x | no |', '| Sheets calls, alone | 3 | ≤ 2 | no |', '| Burst: 300, quota | 5 s | < 30 s | yes |', '| Bundle size | 1 MB | x | yes |', '', '### Details'].join('\n');

describe('mergeRows', () => {
  test('replaces rows by figure name, inserts new ones after the last replaced, marks them and says when', () => {
    const out = mergeRows(FILE, [['Sheets calls, alone', '3', '≤ 2', 'no'], ['Lease calls, alone', '3', '3', 'yes'], ['Burst: 300, quota, lease on', '8 s', '< 30 s', 'yes']], ' again on day 2.');
    const table = out.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Figure') && !l.startsWith('| ---'));
    expect(table).toEqual([
      '| Cold start, intake: spawn | 1 s | x | no |',
      '| Sheets calls, alone † | 3 | ≤ 2 | no |',
      '| Lease calls, alone † | 3 | 3 | yes |',
      '| Burst: 300, quota, lease on † | 8 s | < 30 s | yes |',
      '| Bundle size | 1 MB | x | yes |',
    ]);
    expect(out).toContain('Full run, day 1.\n\n† again on day 2.\n');
    expect(out.endsWith('### Details')).toBe(true);
  });

  test('a second partial run replaces the first one’s rows and note instead of adding to them', () => {
    const once = mergeRows(FILE, [['Lease calls, alone', '3', '3', 'yes']], ' day 2.');
    const twice = mergeRows(once, [['Lease calls, alone', '4', '3', 'no']], ' day 3.');
    expect(twice.match(/Lease calls/g)).toHaveLength(1);
    expect(twice).toContain('| Lease calls, alone † | 4 | 3 | no |');
    expect(twice).not.toContain('day 2.');
    expect(twice.match(/^†/gm)).toHaveLength(1);
    expect(twice).toContain('Full run, day 1.\n\n† day 3.\n\n| Figure');
  });

  test('a bundle that gained files replaces its row: a trailing (count) is not part of the name', () => {
    const out = mergeRows(FILE.replace('| Bundle size |', '| Bundle size, intake (18 files) |'), [['Bundle size, intake (31 files)', '0.6 MB', 'x', 'yes']], ' day 2.');
    expect(out.match(/Bundle size/g)).toHaveLength(1);
    expect(out).toContain('| Bundle size, intake (31 files) † | 0.6 MB | x | yes |');
  });
});

describe('replaceSection', () => {
  const md = ['# Bench results', '', '| Figure | Measured | Goal | Met |', '| --- | --- | --- | --- |', '| a | 1 | x | yes |', '', '### Cold start', '', 'stale figures', '', '### Sweep', '', 'kept'].join('\n');

  test('replaces a ### section up to the next one and keeps the others', () => {
    const out = replaceSection(md, 'Cold start', '### Cold start (medians of 3)\n\nnew');
    expect(out).toContain('### Cold start (medians of 3)\n\nnew\n\n### Sweep\n\nkept');
    expect(out).not.toContain('stale figures');
  });

  test('adds a missing section after the figures table', () => {
    const out = replaceSection(md, 'Cold-start levers', '### Cold-start levers\n\nlevers');
    expect(out).toContain('| a | 1 | x | yes |\n\n### Cold-start levers\n\nlevers\n\n### Cold start');
  });
});
