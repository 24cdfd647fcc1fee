// `npm run form -- create|update|relay`: builds the Google Form from the form definition
// and the call the Commission keeps in the sheet, or prints the Apps Script relay with the
// live form's map. With GOOGLE_ROOT_URL set it works on the local emulators.
import { parseArgs } from 'node:util';
import { GoogleFormsSource } from '../shared/adapters/forms';
import { SheetsWorkspace } from '../shared/adapters/sheets';
import { chooseCall, isOpen, publishForm } from '../shared/forms/publish';
import { caForms } from '../shared/i18n/ca-forms';
import { shellEnv, type Env } from '../shared/runtime/env';
import { relayMap, relayScript } from './apps-script/relay';
import { publishEvaluationForm } from '../shared/forms/evaluation-form';
import { caEvaluation } from '../shared/i18n/ca-evaluation';

const t = caForms.script;

export interface CommandResult {
  code: number;
  out: string;
  formId?: string;
}

export async function formCommand(argv: string[], env: Env = shellEnv()): Promise<CommandResult> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { spreadsheet: { type: 'string' }, form: { type: 'string' }, call: { type: 'string' } },
  });
  const command = positionals[0];
  const rootUrl = env.GOOGLE_ROOT_URL || undefined;
  const formId = values.form ?? (env.FORM_ID || undefined);
  const source = new GoogleFormsSource({ rootUrl, edit: true });

  if (command === 'relay') {
    if (!formId) return { code: 2, out: t.needForm };
    const form = await source.get(formId);
    const { missing } = relayMap(form);
    if (missing.length) return { code: 1, out: t.idsChanged(missing) };
    return { code: 0, out: relayScript(form), formId };
  }
  if (command !== 'create' && command !== 'update' && command !== 'evaluation') return { code: 2, out: t.usage };
  const spreadsheetId = values.spreadsheet ?? (env.SPREADSHEET_ID || undefined);
  if (!spreadsheetId) return { code: 2, out: t.needSpreadsheet };
  if (command === 'evaluation') return evaluationForm(source, spreadsheetId, rootUrl, values.form ?? (env.EVALUATION_FORM_ID || undefined));
  if (command === 'update' && !formId) return { code: 2, out: t.needForm };

  // One read gives the calls and their pools of hours (the description shows both).
  const state = await new SheetsWorkspace({ spreadsheetId, rootUrl }).readSweepState();
  const call = chooseCall(state.calls, { id: values.call });
  if (!call) return { code: 1, out: values.call ? t.unknownCall(values.call) : t.noCall };
  const published = await publishForm(source, { call, pools: state.pools, privacy: state.privacy, formId: command === 'update' ? formId : undefined });
  // What Google reports after the run, not what we asked for.
  const after = published.publishState;
  const closed = published.publishing !== 'legacy' && !isOpen(after);
  const lines = [
    published.created ? t.created : t.updated,
    t.call(call.id, call.title),
    t.formId(published.formId),
    t.url(published.responderUri),
    t.ids,
    ...[...published.questionIds].map(([key, id]) => `  ${key} → ${id}`),
    ...(published.removed.length ? [t.removed(published.removed)] : []),
    ...(published.renumbered.length ? [t.idsChanged(published.renumbered)] : []),
    t.publishing[published.publishing],
    ...(after ? [t.publishState(after.isPublished === true, after.isAcceptingResponses === true)] : []),
    ...(closed ? [t.notOpen] : []),
    t.responders,
    t.editing,
  ];
  return { code: published.renumbered.length || closed ? 1 : 0, out: lines.join('\n'), formId: published.formId };
}

/** `evaluation`: the form municipalities answer once their service is over; its ID goes to the sweep as EVALUATION_FORM_ID. */
async function evaluationForm(source: GoogleFormsSource, spreadsheetId: string, rootUrl: string | undefined, formId: string | undefined): Promise<CommandResult> {
  const { privacy } = await new SheetsWorkspace({ spreadsheetId, rootUrl }).readSweepState();
  const done = await publishEvaluationForm(source, { formId, privacy });
  const open = done.publishing === 'legacy' || isOpen(done.publishState);
  const lines = [
    done.created ? caEvaluation.script.created : caEvaluation.script.updated,
    caEvaluation.script.formId(done.formId),
    t.url(done.responderUri),
    t.publishing[done.publishing],
    ...(done.publishState ? [t.publishState(done.publishState.isPublished === true, done.publishState.isAcceptingResponses === true)] : []),
    ...(open ? [] : [t.notOpen]),
    t.responders,
  ];
  return { code: open ? 0 : 1, out: lines.join('\n'), formId: done.formId };
}
