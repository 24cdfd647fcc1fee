// Each setup step as the admin reads it, before (--dry-run) and while setup applies it.
import { caAdmin } from '../i18n/ca-admin';
import type { SetupStep } from './setup-steps';

export function describeStep(step: SetupStep): string {
  const t = caAdmin.setup.step;
  switch (step.kind) {
    case 'addTab':
      return t.addTab(step.title);
    case 'addHeaders':
      return t.addHeaders(step.title, step.headers);
    case 'renameHeader':
      return t.renameHeader(step.title, step.from, step.to);
    case 'textFormat':
      return t.textFormat(step.title, step.columns.length);
    case 'seed':
      return t.seed(step.title, step.rows.length);
    case 'notes':
      return t.notes(step.title, step.notes.length);
    case 'validation':
      return t.validation(step.title, step.header);
    case 'formulas':
      return t.formulas(step.title, step.header, step.cells.length);
    case 'protect':
      return t.protect(step.title, step.key, step.columns === 'all', step.editors);
    case 'enforce':
      return t.enforce(step.title, step.key, step.editors);
    case 'conditional':
      return t.conditional(step.title, step.formula);
    case 'filterView':
      return t.filterView(step.title, step.name);
    case 'chart':
      return t.chart(step.title, step.chart.title);
  }
}
