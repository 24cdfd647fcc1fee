// What no gcloud command can do, printed after every deploy with the real addresses: Google
// Sheets and Forms grant access by sharing a file with an account, not by an IAM role, and
// SendGrid verifies senders in its own console.
import { caDeploy } from '../shared/i18n/ca-deploy';
import { ACCOUNTS, accountEmail, SCHEDULER_JOB, WRITER_ACCOUNTS, type DeployOptions } from './deploy-resources';

export function manualSteps(o: DeployOptions): string[] {
  const t = caDeploy.manual;
  const email = (id: string) => accountEmail(id, o.project);
  const writers = WRITER_ACCOUNTS.map(email);
  const readers = [ACCOUNTS.sweep, ACCOUNTS.formResponses].map(email);
  const steps = [
    t.shareSheet(o.spreadsheetId, writers),
    // Setup made the protections before these accounts existed: run again, it enforces them.
    t.protect(o.spreadsheetId, writers),
    o.formId ? t.shareForm(o.formId, readers) : t.noForm,
    ...(o.evaluationFormId ? [t.shareEvaluationForm(o.evaluationFormId, email(ACCOUNTS.sweep))] : []),
    t.verifySender(o.mailFrom),
  ];
  if (o.formId && o.functions.includes('sweep')) steps.push(t.watch(SCHEDULER_JOB, o.region, o.project));
  if (o.functions.includes('intake')) steps.push(o.publicIntake ? t.publicIntake : t.privateIntake(o.region, o.project));
  return [t.title, ...steps.map((s, i) => `  ${i + 1}. ${s}`)];
}
