// The cold-start levers tried, each with what it did to the figures in a cold-start run
// (`npm run bench -- --only cold`, medians, same run for before and after unless said),
// and whether it stayed. Rewritten by hand when a lever is tried; printed into
// bench/RESULTS.md by every run that measures cold start.
interface Lever {
  lever: string;
  effect: string;
  kept: string;
}

export const LEVERS: Lever[] = [];

export function leversSection(): string {
  return [
    '### Cold-start levers',
    '',
    'Each tried on its own and measured with `npm run bench -- --only cold` (2 cores; figures are medians; "before" and "after" from runs on the same day).',
    '',
    '| lever | measured effect | kept? |',
    '|---|---|---|',
    ...LEVERS.map((l) => `| ${l.lever} | ${l.effect} | ${l.kept} |`),
  ].join('\n');
}
