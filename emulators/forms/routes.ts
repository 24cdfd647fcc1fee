// The URL table of the emulator: Forms API v1 methods (paths as in the discovery
// document used by googleapis) and the local-only respondent endpoint.
import { randomBytes } from 'node:crypto';
import { checkKeys, invalid, isObj } from './http';
import type { Json } from './http';
import { formView, newFormId, UNPUBLISHED } from './model';
import type { EventType, FormRecord, FormsState } from './model';
import { checkFormsCall } from '../discovery/forms-hook';
import { batchUpdate } from './items';
import { setPublishSettings } from './publish';
import { getResponse, listResponses } from './responses';
import { createWatch, deleteWatch, listWatches, renewWatch, watchView } from './watches';

export interface Result { status: number; body: Json; change?: { formId: string; eventType: EventType } }
type Handler = (p: string[], body: unknown, q: URLSearchParams) => Result;
export interface Route { method: string; re: RegExp; name: string; local?: boolean; run: Handler }

export interface RouteContext {
  state(): FormsState;
  now(): number;
  form(formId: string): FormRecord;
  respond(formId: string, answers: unknown, email: unknown, atMs: number): Result;
}

/** Every Google route first checks its query and body against Google's discovery document. */
export function buildRoutes(ctx: RouteContext): Route[] {
  return googleRoutes(ctx).map((r) => (r.local ? r : { ...r, run: (p, body, q) => (checkFormsCall(r.name, { query: q, body }), r.run(p, body, q)) }));
}

function googleRoutes({ state: current, now, form, respond }: RouteContext): Route[] {
  return [
    { method: 'POST', re: /^\/v1\/forms$/, name: 'forms.create', run: (_p, body, q) => {
      if (!isObj(body)) throw invalid('Request body must be a Form object.');
      checkKeys(body, ['formId', 'info', 'items', 'settings', 'revisionId', 'responderUri', 'linkedSheetId', 'publishSettings'], 'Form');
      // Documented: only info.title and info.documentTitle are copied; items, description
      // and settings are refused and must be added with batchUpdate.
      const info = isObj(body.info) ? body.info : {};
      checkKeys(info, ['title', 'documentTitle', 'description'], 'Form.info');
      const extra = [body.items, body.settings, info.description].some((v) => v !== undefined && !(Array.isArray(v) ? v.length === 0 : isObj(v) ? Object.keys(v).length === 0 : v === ''));
      if (extra) throw invalid('Only info.title and info.documentTitle can be set when creating a form; add items, description and settings with forms.batchUpdate.');
      if (typeof info.title !== 'string' || info.title === '') throw invalid('Form.info.title: required.');
      const formId = newFormId();
      // Without documentTitle, Google names the Drive file "Untitled form", not after the title.
      const documentTitle = typeof info.documentTitle === 'string' && info.documentTitle ? info.documentTitle : 'Untitled form';
      const f: FormRecord = {
        formId, info: { title: info.title, documentTitle }, settings: {}, items: [], revision: 1,
        responderId: `1FAIpQLS${randomBytes(36).toString('base64url')}`, // 56 characters, like Google's
        // Unpublished whatever ?unpublished says: the discovery document still describes the
        // old default (published unless unpublished=true); the later guide says forms created
        // after 30 June 2026 are unpublished until setPublishSettings publishes them. Strict.
        publishState: { ...UNPUBLISHED },
      };
      const flag = q.get('unpublished');
      if (flag !== null && flag !== 'true' && flag !== 'false') throw invalid(`Invalid value for unpublished: ${JSON.stringify(flag)}.`);
      current().forms[formId] = f;
      return { status: 200, body: formView(f) };
    } },
    { method: 'GET', re: /^\/v1\/forms\/([^/:]+)$/, name: 'forms.get', run: ([id]) => ({ status: 200, body: formView(form(id as string)) }) },
    { method: 'POST', re: /^\/v1\/forms\/([^/:]+):batchUpdate$/, name: 'forms.batchUpdate', run: ([id], body) => {
      const { next, response } = batchUpdate(form(id as string), body);
      current().forms[next.formId] = next;
      return { status: 200, body: response, change: { formId: next.formId, eventType: 'SCHEMA' } };
    } },
    { method: 'POST', re: /^\/v1\/forms\/([^/:]+):setPublishSettings$/, name: 'forms.setPublishSettings', run: ([id], body) => ({
      status: 200,
      body: setPublishSettings(form(id as string), body),
    }) },
    { method: 'GET', re: /^\/v1\/forms\/([^/:]+)\/responses$/, name: 'forms.responses.list', run: ([id], _b, q) => {
      form(id as string);
      return { status: 200, body: listResponses(current(), id as string, q) };
    } },
    { method: 'GET', re: /^\/v1\/forms\/([^/:]+)\/responses\/([^/:]+)$/, name: 'forms.responses.get', run: ([id, rid]) => {
      form(id as string);
      return { status: 200, body: getResponse(current(), id as string, rid as string) };
    } },
    { method: 'POST', re: /^\/v1\/forms\/([^/:]+)\/watches$/, name: 'forms.watches.create', run: ([id], body) => {
      form(id as string);
      return { status: 200, body: watchView(createWatch(current(), id as string, body, now())) };
    } },
    { method: 'GET', re: /^\/v1\/forms\/([^/:]+)\/watches$/, name: 'forms.watches.list', run: ([id]) => {
      form(id as string);
      return { status: 200, body: listWatches(current(), id as string, now()) };
    } },
    { method: 'POST', re: /^\/v1\/forms\/([^/:]+)\/watches\/([^/:]+):renew$/, name: 'forms.watches.renew', run: ([id, wid]) => {
      form(id as string);
      return { status: 200, body: watchView(renewWatch(current(), id as string, wid as string, now())) };
    } },
    { method: 'DELETE', re: /^\/v1\/forms\/([^/:]+)\/watches\/([^/:]+)$/, name: 'forms.watches.delete', run: ([id, wid]) => {
      form(id as string);
      deleteWatch(current(), id as string, wid as string, now());
      return { status: 200, body: {} };
    } },
    { method: 'POST', re: /^\/local\/forms\/([^/:]+)\/responses$/, name: 'local.responses.create', local: true, run: ([id], body) => {
      const b = isObj(body) ? body : {};
      checkKeys(b, ['answers', 'respondentEmail', 'at'], 'local response');
      const at = b.at === undefined ? now() : Date.parse(String(b.at));
      if (Number.isNaN(at)) throw invalid('at: expected an RFC 3339 timestamp.');
      return respond(id as string, b.answers, b.respondentEmail, at);
    } },
  ];
}
