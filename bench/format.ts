// How the bench writes its figures: milliseconds, megabytes, ratios, and whether a goal was met.
export const ms = (x: number) => `${Math.round(x)} ms`;
export const mb = (b: number) => `${(b / 1024 / 1024).toFixed(2)} MB`;
export const fmt = (x: number, d = 2) => x.toFixed(d).replace(/\.?0+$/, '');
export const met = (ok: boolean, miss: string) => (ok ? 'yes' : `**no**: ${miss}`);
