// forms.responses.list/get plus the emulator-only ways responses come into existence.
//
// Listing order: the API promises none, so we return responses sorted by responseId,
// which is random and therefore unrelated to submission time. Callers that need "new
// since last run" must use the timestamp filter (on lastSubmittedTime, as Google does),
// not the position in the list. Paging is a cursor on responseId, so a response added
// mid-pagination may land before the cursor and be missed by that pass, as with Google.
import { invalid, notFound } from './http';
import type { Json } from './http';
import { newResponseId } from './model';
import type { FormsState, ResponseRecord } from './model';

export const MAX_PAGE_SIZE = 5000; // documented: "If unspecified or zero, at most 5000 responses are returned"

const FILTER_RE = /^\s*timestamp\s*(>=|>)\s*(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d{1,9})?Z\s*$/;

/** RFC 3339 "Zulu" time to nanoseconds, so filters with nanosecond digits compare exactly. */
function nanos(base: string, fraction = ''): bigint | undefined {
  const ms = Date.parse(`${base}Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 19) !== base) return undefined; // rejects 2020-02-30 etc.
  return BigInt(ms) * 1_000_000n + BigInt(fraction.slice(1).padEnd(9, '0') || '0');
}

const recordNanos = (iso: string) => BigInt(Date.parse(iso)) * 1_000_000n;

function parseFilter(filter: string): (r: ResponseRecord) => boolean {
  const m = FILTER_RE.exec(filter);
  const at = m ? nanos(m[2] as string, m[3]) : undefined;
  if (!m || at === undefined) {
    throw invalid(`Invalid filter ${JSON.stringify(filter)}. Supported filters are "timestamp > N" and "timestamp >= N" with N in RFC3339 UTC "Zulu" format, e.g. 2014-10-02T15:01:23Z.`);
  }
  return m[1] === '>=' ? (r) => recordNanos(r.lastSubmittedTime) >= at : (r) => recordNanos(r.lastSubmittedTime) > at;
}

interface PageToken { f: string; q: string; a: string }

function decodeToken(token: string, formId: string, filter: string): string {
  let t: Partial<PageToken>;
  try {
    t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<PageToken>;
  } catch {
    throw invalid('Invalid page token.');
  }
  if (typeof t.a !== 'string') throw invalid('Invalid page token.');
  // Documented: with a page token, the form and filter must match the original request.
  if (t.f !== formId || t.q !== filter) throw invalid('The page token does not match the form and filter of the original request.');
  return t.a;
}

export function responseView(r: ResponseRecord, includeFormId: boolean): Json {
  const answers = Object.fromEntries(Object.entries(r.answers).map(([questionId, values]) => [
    questionId,
    { questionId, textAnswers: { answers: values.map((value) => ({ value })) } },
  ]));
  return {
    // Documented: "The formId field is not returned in the FormResponse object for list requests."
    ...(includeFormId ? { formId: r.formId } : {}),
    responseId: r.responseId,
    createTime: r.createTime,
    lastSubmittedTime: r.lastSubmittedTime,
    ...(r.respondentEmail !== undefined ? { respondentEmail: r.respondentEmail } : {}),
    ...(Object.keys(answers).length ? { answers } : {}),
  };
}

export function listResponses(state: FormsState, formId: string, query: URLSearchParams): Json {
  const filter = query.get('filter') ?? '';
  const keep = filter === '' ? () => true : parseFilter(filter);
  const rawSize = query.get('pageSize');
  const size = rawSize === null || rawSize === '' ? 0 : Number(rawSize);
  if (!Number.isInteger(size) || size < 0) throw invalid(`Invalid value for pageSize: ${JSON.stringify(rawSize)}.`);
  const pageSize = size === 0 ? MAX_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE);
  const token = query.get('pageToken');
  const after = token ? decodeToken(token, formId, filter) : undefined;

  const all = (state.responses[formId] ?? [])
    .filter((r) => keep(r) && (after === undefined || r.responseId > after))
    .sort((a, b) => (a.responseId < b.responseId ? -1 : a.responseId > b.responseId ? 1 : 0));
  const page = all.slice(0, pageSize);
  const last = page[page.length - 1];
  const more = all.length > pageSize && last !== undefined;
  return {
    ...(page.length ? { responses: page.map((r) => responseView(r, false)) } : {}),
    ...(more ? { nextPageToken: Buffer.from(JSON.stringify({ f: formId, q: filter, a: last.responseId } satisfies PageToken)).toString('base64url') } : {}),
  };
}

export function getResponse(state: FormsState, formId: string, responseId: string): Json {
  const r = (state.responses[formId] ?? []).find((x) => x.responseId === responseId);
  if (!r) throw notFound(`Response ${responseId} was not found.`);
  return responseView(r, true);
}

export function insertResponse(state: FormsState, formId: string, answers: Record<string, string[]>, atMs: number, respondentEmail?: string): ResponseRecord {
  const iso = new Date(atMs).toISOString();
  const record: ResponseRecord = { formId, responseId: newResponseId(), createTime: iso, lastSubmittedTime: iso, answers };
  if (respondentEmail !== undefined) record.respondentEmail = respondentEmail;
  (state.responses[formId] ??= []).push(record);
  return record;
}

export function reviseResponse(state: FormsState, formId: string, responseId: string, answers: Record<string, string[]>, nowMs: number): ResponseRecord {
  const r = (state.responses[formId] ?? []).find((x) => x.responseId === responseId);
  if (!r) throw notFound(`Response ${responseId} was not found.`);
  // An edit is a new submission: lastSubmittedTime must move even when an injected
  // clock stands still, or a "timestamp > last run" poller would never see the edit.
  const previous = Date.parse(r.lastSubmittedTime);
  r.lastSubmittedTime = new Date(Math.max(nowMs, previous + 1)).toISOString();
  r.answers = answers;
  return r;
}
