// forms.watches.*: Pub/Sub push-notification registrations. Documented rules emulated:
// one watch per form per event type (per project; the emulator is one project), a
// seven-day lifetime that renew() restarts, NOT_FOUND when renewing an expired watch,
// and expired watches vanishing from list() and no longer publishing.
import { randomUUID } from 'node:crypto';
import { ApiError, checkKeys, invalid, isObj, notFound } from './http';
import type { Json } from './http';
import type { EventType, FormsState, WatchRecord } from './model';

export const WATCH_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const EVENT_TYPES: EventType[] = ['RESPONSES', 'SCHEMA'];
const ERROR_TYPES = ['PROJECT_NOT_AUTHORIZED', 'NO_USER_ACCESS', 'OTHER_ERRORS'];
// Looser than Pub/Sub's own naming rules on purpose: local project ids are often short.
const TOPIC_RE = /^projects\/[^/]+\/topics\/[A-Za-z][\w\-.~+%]{2,254}$/;
const WATCH_ID_RE = /^[a-z0-9-]{4,63}$/;

const iso = (ms: number) => new Date(ms).toISOString();

/** Expiry is lazy: whoever looks at watches first drops the ones whose time has come. */
export function purgeExpired(state: FormsState, nowMs: number): void {
  state.watches = state.watches.filter((w) => Date.parse(w.expireTime) > nowMs);
}

export function watchView(w: WatchRecord): Json {
  return {
    id: w.id,
    target: { topic: { topicName: w.topicName } },
    eventType: w.eventType,
    createTime: w.createTime,
    expireTime: w.expireTime,
    state: w.state,
    ...(w.errorType ? { errorType: w.errorType } : {}),
  };
}

function find(state: FormsState, formId: string, watchId: string, nowMs: number): WatchRecord {
  purgeExpired(state, nowMs);
  const w = state.watches.find((x) => x.formId === formId && x.id === watchId);
  if (!w) throw notFound(`Watch ${watchId} was not found.`);
  return w;
}

export function createWatch(state: FormsState, formId: string, body: unknown, nowMs: number): WatchRecord {
  if (!isObj(body)) throw invalid('Request body must be a CreateWatchRequest object.');
  checkKeys(body, ['watch', 'watchId'], 'CreateWatchRequest');
  const watch = isObj(body.watch) ? body.watch : undefined;
  if (!watch) throw invalid('watch: required.');
  checkKeys(watch, ['id', 'target', 'eventType', 'createTime', 'expireTime', 'state', 'errorType'], 'watch');
  if (watch.id !== undefined) throw invalid('watch.id: no ID should be set on the watch; use watchId instead.');
  const topicName = isObj(watch.target) && isObj(watch.target.topic) ? watch.target.topic.topicName : undefined;
  if (typeof topicName !== 'string' || !TOPIC_RE.test(topicName)) {
    throw invalid(`watch.target.topic.topicName: expected "projects/{project}/topics/{topic}", got ${JSON.stringify(topicName)}.`);
  }
  if (!EVENT_TYPES.includes(watch.eventType as EventType)) throw invalid(`watch.eventType: expected one of ${EVENT_TYPES.join(', ')}.`);
  const eventType = watch.eventType as EventType;

  purgeExpired(state, nowMs);
  let id: string;
  if (body.watchId !== undefined) {
    if (typeof body.watchId !== 'string' || !WATCH_ID_RE.test(body.watchId)) throw invalid('watchId: must be 4-63 characters of [a-z0-9-].');
    if (state.watches.some((w) => w.formId === formId && w.id === body.watchId)) throw new ApiError('ALREADY_EXISTS', `Watch ${body.watchId} already exists.`);
    id = body.watchId;
  } else id = randomUUID(); // the documented sample notification carries a UUID watchId
  if (state.watches.some((w) => w.formId === formId && w.eventType === eventType)) {
    // The status Google uses here is not documented; FAILED_PRECONDITION (400) is our guess.
    throw new ApiError('FAILED_PRECONDITION', `The form already has a ${eventType} watch for this project (limit: one per event type).`);
  }
  const w: WatchRecord = { formId, id, topicName, eventType, createTime: iso(nowMs), expireTime: iso(nowMs + WATCH_TTL_MS), state: 'ACTIVE' };
  state.watches.push(w);
  return w;
}

export function listWatches(state: FormsState, formId: string, nowMs: number): Json {
  purgeExpired(state, nowMs);
  return { watches: state.watches.filter((w) => w.formId === formId).map(watchView) };
}

export function renewWatch(state: FormsState, formId: string, watchId: string, nowMs: number): WatchRecord {
  const w = find(state, formId, watchId, nowMs);
  // Documented: renewing a suspended watch succeeds only once the error is gone.
  if (w.state === 'SUSPENDED' && w.errorPersists) {
    throw new ApiError('FAILED_PRECONDITION', `Watch ${watchId} is suspended (${w.errorType ?? 'OTHER_ERRORS'}) and the cause persists.`);
  }
  w.state = 'ACTIVE';
  delete w.errorType;
  delete w.errorPersists;
  w.expireTime = iso(nowMs + WATCH_TTL_MS);
  return w;
}

export function deleteWatch(state: FormsState, formId: string, watchId: string, nowMs: number): void {
  const w = find(state, formId, watchId, nowMs);
  state.watches = state.watches.filter((x) => x !== w);
}

export function suspendWatch(state: FormsState, formId: string, watchId: string, nowMs: number, errorType: string, persists: boolean): void {
  if (!ERROR_TYPES.includes(errorType)) throw new Error(`suspendWatch: errorType must be one of ${ERROR_TYPES.join(', ')}`);
  const w = find(state, formId, watchId, nowMs);
  w.state = 'SUSPENDED';
  w.errorType = errorType;
  if (persists) w.errorPersists = true;
  else delete w.errorPersists;
}

/** Watches that would publish an event of this type for this form right now. */
export function activeWatches(state: FormsState, formId: string, eventType: EventType, nowMs: number): WatchRecord[] {
  purgeExpired(state, nowMs);
  return state.watches.filter((w) => w.formId === formId && w.eventType === eventType && w.state === 'ACTIVE');
}
