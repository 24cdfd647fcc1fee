// forms.batchUpdate: applies every request to a copy and commits only if all succeed,
// because Google documents the batch as all-or-nothing.
import { ApiError, checkKeys, invalid, isObj } from './http';
import type { Json } from './http';
import { formView, idsInUse, newHexId, questionsOf, revisionId } from './model';
import type { FormRecord, Item } from './model';
import { validateItem } from './schema';
import { applyPath, maskPaths } from './mask';
import { updateFormInfo, updateSettings } from './settings';

const REQUEST_KINDS = ['updateFormInfo', 'updateSettings', 'createItem', 'moveItem', 'deleteItem', 'updateItem'] as const;

function index(loc: unknown, max: number, path: string): number {
  const i = isObj(loc) ? (loc.index ?? 0) : undefined;
  if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i > max) {
    throw invalid(`${path}.index: must be an integer in [0, ${max}].`);
  }
  return i;
}

/** Fills ids the client left blank and refuses ids that another item already uses. */
function assignIds(item: Item, taken: Set<string>, path: string): void {
  const claim = (id: string, where: string): string => {
    if (id === '') id = newHexId(taken);
    else if (taken.has(id.toLowerCase())) throw invalid(`${where}: ID ${JSON.stringify(id)} is already in use in this form.`);
    taken.add(id.toLowerCase());
    return id;
  };
  item.itemId = claim(item.itemId, `${path}.itemId`);
  for (const q of questionsOf(item)) q.questionId = claim(q.questionId, `${path}.question.questionId`);
}

function applyRequest(f: FormRecord, req: unknown, i: number): Json {
  if (!isObj(req)) throw invalid(`requests[${i}]: expected an object.`);
  const kinds = REQUEST_KINDS.filter((k) => req[k] !== undefined);
  if (kinds.length !== 1 || Object.keys(req).length !== 1) throw invalid(`requests[${i}]: exactly one of ${REQUEST_KINDS.join(', ')} must be set.`);
  const kind = kinds[0] as (typeof REQUEST_KINDS)[number];
  const p = `requests[${i}].${kind}`;
  const r = isObj(req[kind]) ? req[kind] : {};
  const isQuiz = f.settings.quizSettings?.isQuiz === true;
  const n = f.items.length;
  switch (kind) {
    case 'updateFormInfo':
      updateFormInfo(f, r, p);
      return {};
    case 'updateSettings':
      updateSettings(f, r, p);
      return {};
    case 'createItem': {
      checkKeys(r, ['item', 'location'], p);
      if (!isObj(r.location)) throw invalid(`${p}.location: required.`);
      const at = index(r.location, n, `${p}.location`);
      const item = validateItem(r.item, `${p}.item`, isQuiz);
      assignIds(item, idsInUse(f.items), `${p}.item`);
      f.items.splice(at, 0, item);
      const qids = questionsOf(item).map((q) => q.questionId);
      return { createItem: { itemId: item.itemId, ...(qids.length ? { questionId: qids } : {}) } };
    }
    case 'updateItem': {
      checkKeys(r, ['item', 'location', 'updateMask'], p);
      if (n === 0) throw invalid(`${p}.location: the form has no items.`);
      const at = index(r.location, n - 1, `${p}.location`);
      const existing = f.items[at] as Item;
      const incoming = isObj(r.item) ? r.item : {};
      // Google: ids named by the mask are taken from the request, and a blank one there
      // means "generate a new id"; ids outside the mask stay as they are.
      let merged: Json = structuredClone(existing) as unknown as Json;
      for (const m of maskPaths(r.updateMask, p)) {
        if (m === '*') merged = structuredClone(incoming);
        else applyPath(merged, incoming, m.split('.'));
      }
      const item = validateItem(merged, `${p}.item`, isQuiz);
      assignIds(item, idsInUse(f.items.filter((_, j) => j !== at)), `${p}.item`);
      f.items[at] = item;
      return {};
    }
    case 'deleteItem': {
      checkKeys(r, ['location'], p);
      if (n === 0) throw invalid(`${p}.location: the form has no items.`);
      f.items.splice(index(r.location, n - 1, `${p}.location`), 1);
      return {};
    }
    case 'moveItem': {
      checkKeys(r, ['originalLocation', 'newLocation'], p);
      if (n === 0) throw invalid(`${p}: the form has no items.`);
      const from = index(r.originalLocation, n - 1, `${p}.originalLocation`);
      const to = index(r.newLocation, n - 1, `${p}.newLocation`);
      const [moved] = f.items.splice(from, 1);
      f.items.splice(to, 0, moved as Item);
      return {};
    }
  }
}

export function batchUpdate(current: FormRecord, body: unknown): { next: FormRecord; response: Json } {
  if (!isObj(body)) throw invalid('Request body must be a BatchUpdateFormRequest object.');
  checkKeys(body, ['requests', 'includeFormInResponse', 'writeControl'], 'BatchUpdateFormRequest');
  if (!Array.isArray(body.requests) || body.requests.length === 0) throw invalid('requests: at least one request is required.');
  if (body.writeControl !== undefined) {
    const wc = isObj(body.writeControl) ? body.writeControl : {};
    checkKeys(wc, ['requiredRevisionId', 'targetRevisionId'], 'writeControl');
    if (wc.requiredRevisionId !== undefined && wc.targetRevisionId !== undefined) {
      throw invalid('writeControl: only one of requiredRevisionId and targetRevisionId may be set.');
    }
    if (wc.requiredRevisionId !== undefined && wc.requiredRevisionId !== revisionId(current)) {
      throw new ApiError('FAILED_PRECONDITION', `The required revision ID ${JSON.stringify(wc.requiredRevisionId)} does not match the form's latest revision ID.`);
    }
    // Nobody else edits an emulated form, so any revision we issued is recent enough
    // and "transforming against intervening changes" is a no-op.
    const target = Number(wc.targetRevisionId);
    if (wc.targetRevisionId !== undefined && !(Number.isInteger(target) && target >= 1 && target <= current.revision)) {
      throw invalid(`writeControl.targetRevisionId: unknown revision ${JSON.stringify(wc.targetRevisionId)}.`);
    }
  }
  const next = structuredClone(current);
  const replies = body.requests.map((req, i) => applyRequest(next, req, i));
  next.revision++;
  return {
    next,
    response: {
      ...(body.includeFormInResponse === true ? { form: formView(next) } : {}),
      replies,
      writeControl: { requiredRevisionId: revisionId(next) },
    },
  };
}
