// Fills relay.gs with the live form's map, from the same codecs the Forms door uses, so
// both doors turn one response into the same body. Apps Script sees items, not questions:
// an item's Apps Script ID is its Forms API itemId read as a hexadecimal number.
import { readFileSync } from 'node:fs';
import { COMMITMENTS } from '../../shared/domain/form';
import type { FormDoc } from '../../shared/forms/form-source';
import { answerCodecs, type AnswerValue } from '../../shared/forms/answer-codecs';

export interface RelayMap {
  items: Record<string, { questionId: string; key: string; kind: string }>;
  labels: Record<string, Record<string, AnswerValue>>;
  commitments: string[];
}

const PLACEHOLDER = '/* MAPA */ null';

export function relayMap(form: FormDoc): { map: RelayMap; missing: string[] } {
  const codecs = answerCodecs();
  const items: RelayMap['items'] = {};
  const found = new Set<string>();
  for (const item of form.items ?? []) {
    const qid = item.questionItem?.question?.questionId;
    const codec = qid ? codecs.get(qid.toLowerCase()) : undefined;
    if (!codec || !item.itemId) continue;
    items[String(parseInt(item.itemId, 16))] = { questionId: codec.questionId, key: codec.key, kind: codec.kind };
    found.add(codec.key);
  }
  const labels = Object.fromEntries([...codecs.values()].filter((c) => Object.keys(c.labels).length).map((c) => [c.key, c.labels]));
  const missing = [...codecs.values()].map((c) => c.key).filter((k) => !found.has(k));
  return { map: { items, labels, commitments: [...COMMITMENTS] }, missing };
}

export function relayScript(form: FormDoc, template = readFileSync(new URL('./relay.gs', import.meta.url), 'utf8')): string {
  if (!template.includes(PLACEHOLDER)) throw new Error('relay.gs has no map placeholder');
  const { map } = relayMap(form);
  return template.replace(PLACEHOLDER, JSON.stringify(map, null, 2));
}
