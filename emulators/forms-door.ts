// The Google Form door on the local stack: the Forms API v1 emulator on the stack's port,
// the local form built from the definition by the same code as `npm run form` (against
// the stack itself, so it is built the production way), the formResponses function, and
// each watch event delivered to it as Eventarc would: a CloudEvent POSTed in binary mode.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { GoogleFormsSource } from '../shared/adapters/forms';
import { SheetsWorkspace } from '../shared/adapters/sheets';
import { UpstreamError } from '../shared/errors';
import { chooseCall, publishForm } from '../shared/forms/publish';
import { publishEvaluationForm } from '../shared/forms/evaluation-form';
import { useRuntimeEnv } from '../shared/runtime/env';
import { createFormsEmulator, type FormsEmulator, type FormsPubSubEvent } from './forms';

export const LOCAL_FORMS_TOPIC = 'projects/xmess-local/topics/forms-responses';

export interface LocalFormsDoorOptions {
  stateDir?: string;
  reset?: boolean;
  faultRate?: number;
  latencyMs?: number;
}

export interface LocalFormsDoor {
  forms: FormsEmulator;
  /** Serves /v1/forms… (the API) and /local/forms/… (the respondent); false for anything else. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** After the workspace is set up: build the form, register the function, start the watch. */
  start(ctx: { url: string; spreadsheetId: string; functionEnv: Record<string, string>; register(name: string): void }): Promise<{ formId: string }>;
}

export function createLocalFormsDoor(opts: LocalFormsDoorOptions = {}): LocalFormsDoor {
  const forms = createFormsEmulator({
    stateFile: opts.stateDir && join(opts.stateDir, 'forms.json'),
    faultRate: opts.faultRate,
    latencyMs: opts.latencyMs,
  });
  // The Forms API cannot list one's forms, so a persisted stack remembers which is its own.
  const idFile = opts.stateDir && join(opts.stateDir, 'form-id.txt');
  if (opts.reset) forms.reset();

  async function build(rootUrl: string, spreadsheetId: string): Promise<string> {
    const state = await new SheetsWorkspace({ spreadsheetId, rootUrl }).readSweepState();
    const call = chooseCall(state.calls);
    if (!call) throw new Error('local stack: the workspace has no call to build the form from');
    const source = new GoogleFormsSource({ rootUrl, edit: true });
    const saved = !opts.reset && idFile && existsSync(idFile) ? readFileSync(idFile, 'utf8').trim() : '';
    let formId = '';
    if (saved) {
      formId = await publishForm(source, { call, pools: state.pools, privacy: state.privacy, formId: saved }).then(
        (p) => p.formId,
        () => '', // the saved form is gone (its state was removed): build a new one
      );
    }
    formId ||= (await publishForm(source, { call, pools: state.pools, privacy: state.privacy })).formId;
    if (idFile) writeFileSync(idFile, formId);
    return formId;
  }

  /** The evaluation form, built by the same code as `npm run form -- evaluation`. */
  async function buildEvaluation(rootUrl: string, spreadsheetId: string): Promise<string> {
    const { privacy } = await new SheetsWorkspace({ spreadsheetId, rootUrl }).readSweepState();
    const source = new GoogleFormsSource({ rootUrl, edit: true });
    const file = opts.stateDir && join(opts.stateDir, 'evaluation-form-id.txt');
    const saved = !opts.reset && file && existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
    let formId = saved ? await publishEvaluationForm(source, { formId: saved, privacy }).then((p) => p.formId, () => '') : '';
    formId ||= (await publishEvaluationForm(source, { privacy })).formId;
    if (file) writeFileSync(file, formId);
    return formId;
  }

  return {
    forms,
    handle: (req, res) => forms.handle(req, res),
    async start(ctx) {
      const formId = await untilDone(() => build(`${ctx.url}/`, ctx.spreadsheetId));
      const evaluationFormId = await untilDone(() => buildEvaluation(`${ctx.url}/`, ctx.spreadsheetId));
      // Set, not defaulted: a FORM_ID from the shell names a real form, never this one.
      Object.assign(ctx.functionEnv, { FORM_ID: formId, FORMS_TOPIC: LOCAL_FORMS_TOPIC, EVALUATION_FORM_ID: evaluationFormId });
      useRuntimeEnv(ctx.functionEnv);
      await import('../functions/formResponses');
      ctx.register('formResponses');
      forms.onEvent((topic, event) => (topic === LOCAL_FORMS_TOPIC ? deliver(ctx.url, event) : undefined));
      // In production the sweep keeps the watch alive; locally it is made now, so the first
      // response already travels the production path.
      const { formsRuntime } = await import('../shared/runtime');
      await untilDone(async () => (await formsRuntime()).watch.ensureWatch());
      return { formId };
    },
  };
}

/**
 * Start-up under EMULATOR_FAULT_RATE: a step that met a transient fault runs again from its
 * own reads (a saved form is reused, a watch listed before one is made), as setup does.
 */
async function untilDone<T>(step: () => Promise<T>, attempts = 20): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (attempt >= attempts || !(error instanceof UpstreamError && error.transient)) throw error;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
}

/** A push subscription: 2xx acknowledges; anything else is tried again a few times. */
async function deliver(url: string, event: FormsPubSubEvent): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`${url}/formResponses`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'ce-id': event.id,
        'ce-source': event.source,
        'ce-type': event.type,
        'ce-specversion': event.specversion,
        'ce-time': event.time,
      },
      body: JSON.stringify(event.data),
    });
    await res.arrayBuffer();
    if (res.ok) return;
    if (attempt >= 3) throw new Error(`formResponses answered ${res.status} to event ${event.id}`);
    await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
  }
}
