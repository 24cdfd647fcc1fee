// The Google Form as requests: one item per question with the definition's question ID,
// the call's texts, and an update that changes nothing it does not have to.
import { describe, expect, test } from 'vitest';
import type { Call } from '../../shared/domain/calls';
import { QUESTIONS } from '../../shared/domain/form';
import type { FormItem, FormRequest } from '../../shared/forms/form-source';
import { formDescription } from '../../shared/forms/form-text';
import { formPlan, topicOptions } from '../../shared/forms/google-form';
import { chooseCall } from '../../shared/forms/publish';

const call: Call = {
  id: '2020-04',
  title: 'Convocatòria d’abril de 2020',
  opens: '2020-04-01',
  deadline: '2020-05-08',
  sessionsFrom: '2020-05-01',
  sessionsTo: '2020-07-31',
  recentMemberSince: '2019-04-01',
  priorityTheme: 'Resposta a la crisi de la COVID-19',
  packageHours: 4,
  sessionHours: 2,
  topics: ['Energia', 'Cures', 'energia ', 'Altres'],
};
const pools = [
  { callId: '2020-04', service: 'Mentoria', hours: 8 },
  { callId: '2020-04', service: 'Assessorament especialitzat', hours: 28 },
  { callId: '2020-09', service: 'Mentoria', hours: 12 },
];
const created = (requests: FormRequest[]) => requests.flatMap((r) => ('createItem' in r ? [r.createItem] : []));

describe('a new form', () => {
  const { requests, removed } = formPlan(call, pools);
  const items = created(requests);

  test('has one item per question, in order, with the fixed question IDs and required flags', () => {
    expect(removed).toEqual([]);
    expect(items.map((c) => c.location.index)).toEqual(QUESTIONS.map((_, i) => i));
    expect(items.map((c) => c.item.questionItem?.question?.questionId)).toEqual(QUESTIONS.map((q) => q.formQuestionId));
    expect(items.map((c) => c.item.questionItem?.question?.required)).toEqual(QUESTIONS.map((q) => q.required));
    expect(items.every((c) => !c.item.itemId)).toBe(true); // Forms assigns item IDs
  });

  test('offers Catalan options: choices, the call’s areas once each and «Altres», Sí/No, one box per commitment', () => {
    const options = (key: string) => {
      const q = items[QUESTIONS.findIndex((x) => x.key === key)]!.item.questionItem!.question!.choiceQuestion!;
      return { type: q.type, values: q.options!.map((o) => o.value) };
    };
    expect(options('serviceType')).toEqual({ type: 'RADIO', values: ['Mentoria', 'Assessorament especialitzat', 'Qualsevol dels dos'] });
    expect(options('topic')).toEqual({ type: 'DROP_DOWN', values: ['Energia', 'Cures', 'Altres'] });
    expect(options('priorityTheme')).toEqual({ type: 'RADIO', values: ['Sí', 'No'] });
    expect(options('availability').type).toBe('CHECKBOX');
    expect(options('availability').values).toHaveLength(1);
  });

  test('sets title, description and no email collection in the same batch', () => {
    expect(requests[0]).toMatchObject({ updateFormInfo: { info: { title: expect.stringContaining(call.title) }, updateMask: 'title,description' } });
    expect(requests[1]).toEqual({ updateSettings: { settings: { emailCollectionType: 'DO_NOT_COLLECT' }, updateMask: 'emailCollectionType' } });
    const priority = items[QUESTIONS.findIndex((q) => q.key === 'priorityTheme')]!.item.description;
    expect(priority).toContain(call.priorityTheme);
  });
});

test('the description carries the call: deadline in Catalan, sessions, its own pools, the bases', () => {
  const text = formDescription(call, pools);
  expect(text).toContain('fins al 8 de maig de 2020 (inclòs)');
  expect(text).toContain('entre l’1 de maig de 2020 i el 31 de juliol de 2020');
  expect(text).toContain('Mentoria, 8 h; Assessorament especialitzat, 28 h');
  expect(text).not.toContain('12 h'); // another call's pool
  expect(text).toContain('2 sessions de 2 hores');
  expect(text).toContain('«Resposta a la crisi de la COVID-19»');
  expect(text).toContain('adherits des de l’1 d’abril de 2019');
  expect(text).toMatch(/membres de la XMESS/);
});

describe('updating a form', () => {
  // The form as Forms stores it after the create plan: item IDs assigned, proto3 defaults omitted.
  const stored: FormItem[] = created(formPlan(call, pools).requests).map((c, i) => {
    const item = structuredClone(c.item);
    const q = item.questionItem!.question!;
    if (q.required === false) delete q.required;
    if (q.textQuestion?.paragraph === false) delete q.textQuestion.paragraph;
    return { ...item, itemId: (0x2000 + i).toString(16) };
  });

  test('changes no item that already matches', () => {
    const { requests } = formPlan(call, pools, { items: stored });
    expect(requests.map((r) => Object.keys(r)[0])).toEqual(['updateFormInfo', 'updateSettings']);
  });

  test('moves, updates in place with both IDs, and deletes questions the definition does not have', () => {
    const foreign: FormItem = { itemId: '7777', title: 'Pregunta afegida a mà', questionItem: { question: { questionId: '7778', textQuestion: {} } } };
    const section: FormItem = { itemId: '7779', title: 'Secció', pageBreakItem: {} };
    const shuffled = [stored[3]!, foreign, ...stored.slice(0, 3), section, ...stored.slice(4).map((it, i) => (i === 0 ? { ...it, title: 'Canviat a mà' } : it))];
    const { requests, removed } = formPlan(call, pools, { items: shuffled });
    expect(removed).toEqual(['7778']);
    expect(requests.some((r) => 'createItem' in r)).toBe(false);
    const updates = requests.flatMap((r) => ('updateItem' in r ? [r.updateItem] : []));
    expect(updates.length).toBeGreaterThan(0);
    for (const u of updates) {
      expect(u.item.itemId).toMatch(/^[0-9a-f]+$/);
      expect(u.item.questionItem?.question?.questionId).toBe(QUESTIONS[u.location.index]!.formQuestionId);
      expect(u.updateMask).toBe('*');
    }
  });
});

test('a call with no areas asks for the area as text', () => {
  const { requests } = formPlan({ ...call, topics: [] }, []);
  const topic = created(requests)[QUESTIONS.findIndex((q) => q.key === 'topic')]!.item.questionItem!.question!;
  expect(topic.textQuestion).toEqual({ paragraph: false });
  expect(topicOptions({ ...call, topics: [' Cures', 'cures', 'other'] })).toEqual(['Cures', 'Altres']);
});

test('the form is for the call asked for, else the one open today, else the latest', () => {
  const calls = [call, { ...call, id: '2020-09', opens: '2020-09-01', deadline: '2020-09-30' }];
  expect(chooseCall(calls, { id: '2020-04' })?.id).toBe('2020-04');
  expect(chooseCall(calls, { id: 'nope' })).toBeUndefined();
  expect(chooseCall(calls, { now: new Date('2020-05-08T21:00:00Z') })?.id).toBe('2020-04'); // 23:00 in Catalonia
  expect(chooseCall(calls, { now: new Date('2020-06-15T10:00:00Z') })?.id).toBe('2020-09');
  expect(chooseCall([], {})).toBeUndefined();
});
