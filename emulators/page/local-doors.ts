// The local-only endpoints behind the page's form. The browser never holds a secret: the
// signed door is signed here, with the stack's local secret, exactly as a relay would sign.
import { placeInCall } from '../../shared/domain/calls';
import { parseSubmission } from '../../shared/domain/schema';
import { sign } from '../../shared/domain/signature';
import type { FormDoc } from '../../shared/forms/form-source';
import { isOpen } from '../../shared/forms/publish';
import { ca } from '../../shared/i18n/ca';
import { a1Tab, CALL_HEADERS, columnLetter, TABS } from '../../shared/workspace/tabs';
import { parsePrivacy, SETTINGS_HEADERS, SETTINGS_TAB } from '../../shared/workspace/settings';
import { parseCalls } from '../../shared/workspace/config-rows';
import { pageForm, type PageDoor, type PageForm } from './form-definition';

export interface DoorDeps {
  baseUrl(): string;
  /** The stack's function environment; read on every request, since FORM_ID may appear later. */
  functionEnv: Readonly<Record<string, string>>;
}

export interface Answer {
  status: number;
  body: unknown;
}

/** The Forms emulator is the door a real response uses; the signed intake stands in until the stack has a form. */
export function currentDoor(env: Readonly<Record<string, string>>, accepting = true): PageDoor {
  const formId = env.FORM_ID;
  return formId
    ? { kind: 'forms', action: `/local/forms/${encodeURIComponent(formId)}/responses`, accepting }
    : { kind: 'intake', action: '/local/intake' };
}

/** Whether the form takes responses, read through the Forms API as a respondent's browser would find out. */
async function accepting(deps: DoorDeps): Promise<boolean> {
  const formId = deps.functionEnv.FORM_ID;
  if (!formId) return true;
  const res = await fetch(`${deps.baseUrl()}/v1/forms/${encodeURIComponent(formId)}`);
  if (!res.ok) return false;
  const form = (await res.json()) as FormDoc;
  // A legacy form (no publishSettings) takes responses as it always did.
  return !form.publishSettings || isOpen(form.publishSettings.publishState);
}

/** A tab's rows below the header through the Sheets API, as the functions read them; none if it is missing. */
async function tabRows(deps: DoorDeps, tab: string, width: number): Promise<unknown[][]> {
  const range = encodeURIComponent(`${a1Tab(tab)}!A2:${columnLetter(width - 1)}`);
  const res = await fetch(
    `${deps.baseUrl()}/v4/spreadsheets/${encodeURIComponent(deps.functionEnv.SPREADSHEET_ID ?? '')}/values/${range}?valueRenderOption=UNFORMATTED_VALUE`,
  );
  return res.ok ? (((await res.json()) as { values?: unknown[][] }).values ?? []) : [];
}

/** Reads the calls and the notice as intake does, and picks the call a response sent now belongs to. */
export async function formDefinition(deps: DoorDeps): Promise<PageForm> {
  const [calls, settings] = await Promise.all([tabRows(deps, TABS.calls, CALL_HEADERS.length), tabRows(deps, SETTINGS_TAB, SETTINGS_HEADERS.length)]);
  return pageForm(placeInCall(parseCalls(calls), new Date().toISOString()), currentDoor(deps.functionEnv, await accepting(deps)), parsePrivacy(settings));
}

export async function signedIntake(deps: DoorDeps, raw: string): Promise<Answer> {
  const res = await fetch(`${deps.baseUrl()}/intake`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-signature': sign(deps.functionEnv.INTAKE_SECRET ?? '', raw) },
    body: raw,
  });
  const text = await res.text();
  let body: unknown = {};
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    body = { error: text.slice(0, 500) };
  }
  return { status: res.status, body };
}

/**
 * The Forms door answers asynchronously (the function reads the response after a Pub/Sub
 * event), so it cannot say which field is wrong. A Google Form checks its answers in the
 * browser before sending; this plays that part with the intake's own schema and messages.
 */
export function checkOnly(raw: string): Answer {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return { status: 400, body: { error: ca.errors.notJson, fieldErrors: {}, formErrors: [ca.errors.notJson] } };
  }
  const parsed = parseSubmission(body);
  return parsed.ok ? { status: 200, body: { ok: true } } : { status: 400, body: { error: ca.errors.invalidSubmission, fieldErrors: parsed.fieldErrors, formErrors: parsed.formErrors } };
}
