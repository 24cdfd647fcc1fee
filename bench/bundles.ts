// The deployable bundles, built by the project's own build (scripts/build.ts, used as is)
// into a temporary folder, with the Functions Framework beside them as Cloud Functions'
// `npm install` would put it; and what each weighs against the 1.5 MB goal.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BUNDLE_GOAL_BYTES, FUNCTION_TARGETS } from '../scripts/function-targets';
import { root } from './child';

export interface Bundles {
  tmp: string;
  dist: string;
  sizes: Array<{ target: string; bytes: number; files: number }>;
  goalBytes: number;
}

export async function buildBundles(): Promise<Bundles> {
  const tmp = mkdtempSync(join(tmpdir(), 'xmess-bench-'));
  mkdirSync(join(tmp, 'node_modules/@google-cloud'), { recursive: true });
  symlinkSync(join(root, 'node_modules/@google-cloud/functions-framework'), join(tmp, 'node_modules/@google-cloud/functions-framework'), 'dir');
  const dist = join(tmp, 'dist');
  await promisify(execFile)(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build.ts', '--outdir', dist], { cwd: root });
  const sizes = FUNCTION_TARGETS.filter((t) => existsSync(join(dist, t.target, 'index.js'))).map((t) => {
    const dir = join(dist, t.target);
    const files = readdirSync(dir);
    return { target: t.target, bytes: files.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0), files: files.length };
  });
  return { tmp, dist, sizes, goalBytes: BUNDLE_GOAL_BYTES };
}
