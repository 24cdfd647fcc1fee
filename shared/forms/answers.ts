// A Forms API response → the intake contract's JSON body, by question ID. The mapping
// never judges: anything it cannot place (an unknown question, several values where one
// is expected, an answer that is not text) is passed on in a shape the schema refuses,
// so validation names the field in Catalan and the pipeline records the body.
import { COMMITMENTS } from '../domain/form';
import { caForms } from '../i18n/ca-forms';
import type { FormAnswer, FormResponse } from './form-source';
import { answerCodecs, type AnswerCodec } from './answer-codecs';

const DEFAULT_CODECS = answerCodecs();

/** The answer's text values, or undefined when it is not a list of texts (garbled). */
function textValues(answer: FormAnswer | undefined): string[] | undefined {
  const list = answer?.textAnswers?.answers;
  if (!Array.isArray(list)) return undefined;
  const values = list.map((a) => a?.value);
  return values.every((v): v is string => typeof v === 'string') ? values : undefined;
}

function decode(codec: AnswerCodec, values: string[]): unknown {
  if (values.length !== 1) return values; // one question, one answer: a list is refused as a type error
  const v = values[0]!;
  return Object.hasOwn(codec.labels, v) ? codec.labels[v] : v;
}

export function responseToBody(response: FormResponse, codecs: Map<string, AnswerCodec> = DEFAULT_CODECS): Record<string, unknown> {
  const body: Record<string, unknown> = {
    submissionId: response.responseId ?? undefined,
    // The first submission: an edit later must not move a request past its deadline.
    submittedAt: response.createTime ?? undefined,
  };
  const commitments: Record<string, boolean> = Object.fromEntries(COMMITMENTS.map((c) => [c, false]));
  const answers = response.answers && typeof response.answers === 'object' ? response.answers : {};
  for (const [questionId, answer] of Object.entries(answers)) {
    const codec = codecs.get(questionId.toLowerCase());
    const values = textValues(answer);
    if (!codec) {
      body[caForms.unknownQuestion(questionId)] = values ?? answer;
      continue;
    }
    if (values === undefined) {
      if (codec.kind === 'commitment') commitments[codec.key] = false;
      else body[codec.key] = answer ?? null;
      continue;
    }
    if (values.length === 0) continue; // unanswered: an optional field stays absent
    if (codec.kind === 'commitment') commitments[codec.key] = values.some((v) => Object.hasOwn(codec.labels, v) && codec.labels[v] === true);
    else body[codec.key] = decode(codec, values);
  }
  body.commitments = commitments;
  return body;
}
