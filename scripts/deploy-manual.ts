// What no gcloud command can do, printed after every deploy with the real addresses: Google
// Sheets and Forms grant access by sharing a file with an account, not by an IAM role, and
// SendGrid verifies senders in its own console.
import { ACCOUNTS, accountEmail, SCHEDULER_JOB, WRITER_ACCOUNTS, type DeployOptions } from './deploy-resources';

export function manualSteps(o: DeployOptions): string[] {
  const email = (id: string) => accountEmail(id, o.project);
  const writers = WRITER_ACCOUNTS.map(email);
  const readers = [ACCOUNTS.sweep, ACCOUNTS.formResponses].map(email);
  const steps = [
    `Comparteix el full https://docs.google.com/spreadsheets/d/${o.spreadsheetId}/edit com a Editor amb:\n${writers.map((e) => `     ${e}`).join('\n')}`,
    // Setup made the protections before these accounts existed: run again, it enforces them.
    `Protegeix les columnes del sistema perquè només hi escriguin aquests comptes (es pot repetir; converteix els avisos en proteccions):\n` +
      `     npm run setup -- --spreadsheet ${o.spreadsheetId} ${writers.map((e) => `--writer ${e}`).join(' ')}`,
    o.formId
      ? `Comparteix el formulari https://docs.google.com/forms/d/${o.formId}/edit com a Editor (per llegir-ne les respostes) amb:\n${readers.map((e) => `     ${e}`).join('\n')}`
      : 'Sense --form, la porta del Google Form queda aturada: crea’l (npm run form -- create) i torna a desplegar amb --form <ID>.',
    ...(o.evaluationFormId
      ? [`Comparteix el formulari d’avaluació https://docs.google.com/forms/d/${o.evaluationFormId}/edit com a Editor (per llegir-ne les respostes) amb:\n     ${email(ACCOUNTS.sweep)}`]
      : []),
    `Verifica a SendGrid el remitent ${o.mailFrom} (Single Sender Verification o autenticació del domini); si no, SendGrid respon 403 i no surt cap correu.`,
  ];
  if (o.formId && o.functions.includes('sweep')) {
    steps.push(
      `La vigilància (watch) del formulari la crea i la renova sweep, que ${SCHEDULER_JOB} crida cada 5 minuts. Per no esperar:\n` +
        `     gcloud scheduler jobs run ${SCHEDULER_JOB} --location=${o.region} --project=${o.project}`,
    );
  }
  if (o.functions.includes('intake')) {
    steps.push(
      o.publicIntake
        ? 'intake és públic: només la signatura HMAC (INTAKE_SECRET) el protegeix. Comparteix el secret només amb els formularis signats.'
        : `intake és privat: qui el crida necessita un testimoni d’identitat de Google i el rol d’invocador (--intake-invoker serviceAccount:…).\n` +
            `     La seva adreça: gcloud functions describe intake --gen2 --region=${o.region} --project=${o.project} --format='value(serviceConfig.uri)'`,
    );
  }
  return ['Passos manuals pendents:', ...steps.map((s, i) => `  ${i + 1}. ${s}`)];
}
