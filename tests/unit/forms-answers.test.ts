// A Forms API response → the intake contract: mapped by question ID, labels back to the
// contract's values, and anything garbled refused by the schema in Catalan, never a crash.
import { describe, expect, test } from 'vitest';
import { parseSubmission } from '../../shared/domain/schema';
import { responseToBody } from '../../shared/forms/answers';
import type { FormResponse } from '../../shared/forms/form-source';
import { apiAnswers, formAnswers, qid } from '../support/form-answers';

const CREATED = '2020-05-04T08:00:00.123Z';
const response = (answers: Record<string, unknown>, extra: Partial<FormResponse> = {}): FormResponse => ({
  responseId: 'ACYDBNresp-1',
  createTime: CREATED,
  lastSubmittedTime: CREATED,
  answers: answers as FormResponse['answers'],
  ...extra,
});
const mapped = (overrides: Record<string, string[] | undefined> = {}, extra: Partial<FormResponse> = {}) =>
  responseToBody(response(apiAnswers(formAnswers(overrides)), extra));

describe('a complete response', () => {
  test('becomes a body the schema accepts, with the contract values', () => {
    const body = mapped({}, { lastSubmittedTime: '2020-05-10T08:00:00Z' });
    expect(parseSubmission(body).ok).toBe(true);
    expect(body).toMatchObject({
      submissionId: 'ACYDBNresp-1',
      submittedAt: CREATED, // the first submission, not the edit: deadlines are judged on it
      municipality: 'Ajuntament de Manresa',
      serviceType: 'advisory',
      topic: 'Energia',
      priorityTheme: true,
      trackRecord: 'starting',
      modality: 'remote',
      commitments: { availability: true, shareLearning: true, provideInformation: true },
    });
    expect(body).not.toHaveProperty('contactPhone'); // unanswered optional question: absent
  });
});

describe.each([
  ['«Altres» with the other area', { topic: ['Altres'], topicOther: ['Turisme responsable'] }, { topic: 'other', topicOther: 'Turisme responsable' }],
  ['«No» to the priority theme', { priorityTheme: ['No'] }, { priorityTheme: false }],
  ['each service type', { serviceType: ['Mentoria'] }, { serviceType: 'mentoring' }],
  ['either modality', { modality: ['Indiferent'] }, { modality: 'either' }],
  ['an optional answer given', { contactPhone: ['938 000 000'] }, { contactPhone: '938 000 000' }],
])('maps %s', (_name, overrides, expected) => {
  test('to the contract value, and the body is valid', () => {
    const body = mapped(overrides);
    expect(body).toMatchObject(expected);
    expect(parseSubmission(body).ok).toBe(true);
  });
});

type Case = [string, () => Record<string, unknown>, string, RegExp];
const bad: Case[] = [
  ['a choice the form does not offer', () => mapped({ serviceType: ['Potser'] }), 'serviceType', /«Tipus de suport».*opcions/],
  ['two answers to a one-answer question', () => mapped({ municipality: ['Manresa', 'Vic'] }), 'municipality', /«Ajuntament \/ Consell Comarcal»/],
  ['a yes/no that is neither', () => mapped({ priorityTheme: ['Depèn'] }), 'priorityTheme', /«Resposta a la prioritat/],
  ['«Altres» without saying which', () => mapped({ topic: ['Altres'] }), 'topicOther', /Altre àmbit/],
  ['a commitment left unticked', () => mapped({ shareLearning: undefined }), 'commitments', /Cal acceptar el compromís/],
  ['a commitment with a garbled value', () => mapped({ availability: ['potser'] }), 'commitments', /Cal acceptar el compromís/],
  ['a required question unanswered', () => mapped({ need: undefined }), 'need', /Cal omplir el camp «Necessitat»/],
  ['an empty answer list', () => responseToBody(response({ ...apiAnswers(formAnswers()), [qid('alignment')]: { textAnswers: { answers: [] } } })), 'alignment', /Cal omplir/],
  ['an answer that is not text', () => responseToBody(response({ ...apiAnswers(formAnswers()), [qid('need')]: { fileUploadAnswers: { answers: [{ fileId: 'x' }] } } })), 'need', /«Necessitat»/],
  ['a value that is not a string', () => responseToBody(response({ ...apiAnswers(formAnswers()), [qid('contactRole')]: { textAnswers: { answers: [{ value: 7 }] } } })), 'contactRole', /«Càrrec»/],
  ['no response ID', () => mapped({}, { responseId: null }), 'submissionId', /Identificador/],
  ['no createTime', () => mapped({}, { createTime: null }), 'submittedAt', /Data d’enviament/],
];

describe.each(bad)('refuses %s', (_name, make, field, message) => {
  test('with a Catalan error naming the field', () => {
    const result = parseSubmission(make());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors[field]?.join(' ')).toMatch(message);
  });
});

describe('answers the definition does not know', () => {
  test('an unknown question ID makes a form error that names it', () => {
    const body = responseToBody(response({ ...apiAnswers(formAnswers()), ffff0001: { textAnswers: { answers: [{ value: 'x' }] } } }));
    const result = parseSubmission(body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.formErrors.join(' ')).toContain('pregunta ffff0001');
  });

  test.each([null, 'x', 42, [], { [qid('need')]: null }])('never throws on answers = %j', (answers) => {
    expect(() => parseSubmission(responseToBody(response(answers as Record<string, unknown>)))).not.toThrow();
    expect(parseSubmission(responseToBody(response(answers as Record<string, unknown>))).ok).toBe(false);
  });
});
