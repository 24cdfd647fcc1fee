// Local emulator of the Google Forms API v1 (forms, responses, watches) plus one
// local-only endpoint that plays the respondent. The production googleapis client is
// pointed at it with forms({ version: 'v1', rootUrl: 'http://127.0.0.1:PORT/' }).
// No authentication is checked: the emulator stands for one project and one user.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, invalid, notFound, readJson, sendJson, sleep } from './http';
import { acceptsResponses, emptyState } from './model';
import type { EventType, FormRecord, FormsState } from './model';
import { checkAnswers } from './answers';
import { insertResponse, reviseResponse } from './responses';
import { activeWatches, suspendWatch } from './watches';
import { Publisher } from './events';
import type { EventListener } from './events';
import { buildRoutes } from './routes';
import type { Result, Route } from './routes';
import { loadState, saveState } from './store';

export type { FormsPubSubEvent } from './events';

export interface FormsEmulatorOptions {
  stateFile?: string;
  /** Share (0..1) of Google API calls answered 429, 500 or 503; never the local endpoint. */
  faultRate?: number;
  latencyMs?: number;
  /** Fault dice: one roll decides whether to fail, a second which status to use. */
  random?: () => number;
  /** Clock for response times and watch expiry, so tests can jump a week ahead. */
  now?: () => number;
}

export interface FormsEmulator {
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  onEvent(listener: EventListener): void;
  addResponse(formId: string, answers: Record<string, string[]>, opts?: { respondentEmail?: string; at?: Date }): { responseId: string };
  editResponse(formId: string, responseId: string, answers: Record<string, string[]>): void;
  /** Test hook: turns a form into a legacy one (made before publish settings existed). */
  makeLegacy(formId: string): void;
  /** Test hook: puts a watch in the SUSPENDED state Google uses after delivery failures. */
  suspendWatch(formId: string, watchId: string, opts?: { errorType?: string; persists?: boolean }): void;
  /** Waits until queued events have reached every listener. */
  flush(): Promise<void>;
  /** Errors thrown by onEvent listeners (recorded, never rethrown). */
  listenerErrors(): unknown[];
  setFaults(f: { faultRate?: number; latencyMs?: number }): void;
  counters(): { total: number; byMethod: Record<string, number> };
  reset(): void;
  /** Forget every response, keeping forms and watches (the local page's reset). */
  clearResponses(): void;
}

// The statuses Google documents as worth retrying for Workspace APIs: 429, 500, 503.
const FAULTS: ApiError[] = [
  new ApiError('RESOURCE_EXHAUSTED', "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user' of service 'forms.googleapis.com'."),
  new ApiError('INTERNAL', 'Internal error encountered.'),
  new ApiError('UNAVAILABLE', 'The service is currently unavailable.'),
];

export function createFormsEmulator(opts: FormsEmulatorOptions = {}): FormsEmulator {
  let state: FormsState = loadState(opts.stateFile);
  const random = opts.random ?? Math.random;
  const now = opts.now ?? Date.now;
  let faultRate = opts.faultRate ?? 0;
  let latencyMs = opts.latencyMs ?? 0;
  let byMethod: Record<string, number> = {};
  const publisher = new Publisher();

  const form = (formId: string): FormRecord => {
    const f = state.forms[formId];
    if (!f) throw notFound();
    return f;
  };
  const persist = () => saveState(opts.stateFile, state);
  /** What the respondent's browser would meet: a closed form takes neither responses nor edits. */
  const open = (formId: string): FormRecord => {
    const f = form(formId);
    if (!acceptsResponses(f)) {
      const why = f.publishState?.isPublished ? 'it has stopped accepting responses' : 'it is not published';
      throw new ApiError('FAILED_PRECONDITION', `The form is not accepting responses: ${why}.`);
    }
    return f;
  };

  /** Snapshot the watches active at the moment of the change, deliver later. */
  function announce(formId: string, eventType: EventType): void {
    const t = now();
    publisher.publish(activeWatches(state, formId, eventType, t).map((w) => ({ topicName: w.topicName, event: publisher.build(w, t) })));
  }

  function respond(formId: string, answers: unknown, email: unknown, atMs: number): Result {
    const f = open(formId);
    const checked = checkAnswers(f, answers, email);
    const r = insertResponse(state, formId, checked, atMs, typeof email === 'string' ? email : undefined);
    return { status: 201, body: { responseId: r.responseId }, change: { formId, eventType: 'RESPONSES' } };
  }

  const routes = buildRoutes({ state: () => state, now, form, respond });

  async function dispatch(route: Route, params: string[], req: IncomingMessage, res: ServerResponse, query: URLSearchParams): Promise<void> {
    byMethod[route.name] = (byMethod[route.name] ?? 0) + 1;
    let result: Result;
    try {
      const body = await readJson(req);
      if (!route.local) {
        if (latencyMs > 0) await sleep(latencyMs);
        if (faultRate > 0 && random() < faultRate) {
          const err = FAULTS[Math.min(FAULTS.length - 1, Math.floor(random() * FAULTS.length))] as ApiError;
          return sendJson(res, err.code, err.body());
        }
      }
      const decoded = params.map((p) => {
        try {
          return decodeURIComponent(p);
        } catch {
          throw invalid(`Malformed path segment ${JSON.stringify(p)}.`);
        }
      });
      result = route.run(decoded, body, query);
      if (result.change || route.method !== 'GET') persist();
    } catch (e) {
      // Unexpected failures become a 500 rather than an exception that could take the host server down.
      const err = e instanceof ApiError ? e : new ApiError('INTERNAL', `Emulator error: ${String(e)}`);
      return sendJson(res, err.code, err.body());
    }
    sendJson(res, result.status, result.body);
    if (result.change) announce(result.change.formId, result.change.eventType);
  }

  return {
    async handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const path = url.pathname.replace(/%3A/gi, ':');
      for (const route of routes) {
        const m = route.method === req.method ? route.re.exec(path) : null;
        if (m) {
          await dispatch(route, m.slice(1), req, res, url.searchParams);
          return true;
        }
      }
      return false;
    },
    onEvent: (listener) => publisher.on(listener),
    addResponse(formId, answers, o = {}) {
      const r = respond(formId, answers, o.respondentEmail, o.at ? o.at.getTime() : now());
      persist();
      announce(formId, 'RESPONSES');
      return { responseId: String(r.body.responseId) };
    },
    editResponse(formId, responseId, answers) {
      const existing = (state.responses[formId] ?? []).find((r) => r.responseId === responseId);
      if (!existing) throw notFound(`Response ${responseId} was not found in form ${formId}.`);
      reviseResponse(state, formId, responseId, checkAnswers(open(formId), answers, existing.respondentEmail), now());
      persist();
      announce(formId, 'RESPONSES'); // documented: RESPONSES covers new and updated responses
    },
    makeLegacy(formId) {
      form(formId).publishState = null;
      persist();
    },
    suspendWatch(formId, watchId, o = {}) {
      suspendWatch(state, formId, watchId, now(), o.errorType ?? 'OTHER_ERRORS', o.persists ?? false);
      persist();
    },
    flush: () => publisher.flush(),
    listenerErrors: () => publisher.listenerErrors(),
    setFaults(f) {
      if (f.faultRate !== undefined) faultRate = f.faultRate;
      if (f.latencyMs !== undefined) latencyMs = f.latencyMs;
    },
    counters: () => ({ total: Object.values(byMethod).reduce((a, b) => a + b, 0), byMethod: { ...byMethod } }),
    clearResponses() {
      state.responses = {};
      persist();
    },
    reset() {
      // Listeners are wiring, not state, so they survive a reset.
      state = emptyState();
      byMethod = {};
      faultRate = opts.faultRate ?? 0;
      latencyMs = opts.latencyMs ?? 0;
      publisher.clearErrors();
      persist();
    },
  };
}
