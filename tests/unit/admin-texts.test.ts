// The admin's Catalan lives in shared/i18n/ca-admin.ts and ca-deploy.ts (and the form script's in
// ca-forms.ts), so a Spanish version is a translation of objects, not a hunt through the
// scripts. This guard fails when a script writes Catalan inline again: it looks for letters
// only Catalan uses in the code as esbuild reads it, i.e. with the comments gone and every
// string kept.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scripts = join(root, 'scripts');
const CATALAN = /[·’àèéíòóúç]/i;

/** Not admin text, or owned elsewhere: the build, the relay that runs in Apps Script, the form script (ca-forms.ts). */
const excluded = (path: string) =>
  path === 'build.ts' || path.startsWith('apps-script/') || path === 'form-command.ts' || /retention|faq/i.test(path);

/** The code without comments; strings, template literals and regexes as written (utf8, not \u escapes). */
const withoutComments = (source: string, path: string) =>
  /\.[cm]?[jt]s$/.test(path) ? transformSync(source, { loader: 'ts', charset: 'utf8', legalComments: 'none' }).code : source;

const files = (readdirSync(scripts, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
  .filter((e) => e.isFile())
  .map((e) => relative(scripts, join(e.parentPath, e.name)).split('\\').join('/'))
  .filter((path) => !excluded(path))
  .sort();

describe('the scripts write no Catalan inline', () => {
  test('the comment stripper keeps what a reader sees and drops what only a maintainer sees', () => {
    const code = withoutComments("// càrrega\n/* ús */ const a = 'Pàgina'; const b = /'/g; const c = `x${'ó'}`; // é\n", 'x.ts');
    expect(code).toContain('Pàgina');
    expect(code).toContain('ó');
    expect(code).not.toMatch(/càrrega|ús|é/);
  });

  test('the guard reads the deploy, setup and start scripts', () => {
    expect(files).toEqual(expect.arrayContaining(['deploy.ts', 'deploy-plan.ts', 'deploy-alerts.ts', 'deploy-manual.ts', 'gcloud-runner.ts', 'setup.ts', 'start.ts']));
  });

  test.each(files)('%s', (path) => {
    const code = withoutComments(readFileSync(join(scripts, path), 'utf8'), path);
    const inline = code.split('\n').filter((line) => CATALAN.test(line));
    expect(inline, 'move this text to shared/i18n/ca-admin.ts or ca-deploy.ts').toEqual([]);
  });
});
