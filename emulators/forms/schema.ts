// Structural checks on items written through batchUpdate. Google answers 400 for
// unknown field names, a missing or doubled item/question kind, and bad enum values;
// we do the same so a typo (say DROP_LIST for DROP_DOWN) fails here, not in production.
import { checkKeys, invalid, isObj } from './http';
import type { Json } from './http';
import { isValidId } from './model';
import type { ChoiceQuestion, Item, Question } from './model';

const ITEM_KINDS = ['questionItem', 'questionGroupItem', 'textItem', 'pageBreakItem', 'imageItem', 'videoItem'] as const;
const QUESTION_KINDS = ['choiceQuestion', 'textQuestion', 'scaleQuestion', 'dateQuestion', 'timeQuestion', 'fileUploadQuestion', 'rowQuestion', 'ratingQuestion'] as const;
const CHOICE_TYPES = ['RADIO', 'CHECKBOX', 'DROP_DOWN'];

function obj(v: unknown, path: string): Json {
  if (!isObj(v)) throw invalid(`${path}: expected an object.`);
  return v;
}

function optional<T>(v: unknown, type: 'string' | 'boolean' | 'number', path: string): T | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== type) throw invalid(`${path}: expected a ${type}.`);
  return v as T;
}

export function checkId(v: unknown, path: string): string {
  if (v === undefined || v === null || v === '') return ''; // '' = let the server assign one
  if (typeof v !== 'string' || !isValidId(v)) {
    throw invalid(`${path}: invalid ID ${JSON.stringify(v)}; the emulator accepts hexadecimal IDs up to 7fffffff, the form Google generates.`);
  }
  return v;
}

function onlyOneKind(v: Json, kinds: readonly string[], path: string): string {
  const present = kinds.filter((k) => v[k] !== undefined && v[k] !== null);
  if (present.length !== 1) throw invalid(`${path}: exactly one of ${kinds.join(', ')} must be set (found ${present.length}).`);
  return present[0] as string;
}

function choice(v: unknown, path: string, inGrid: boolean): ChoiceQuestion {
  const c = obj(v, path);
  checkKeys(c, ['type', 'options', 'shuffle'], path);
  if (typeof c.type !== 'string' || !CHOICE_TYPES.includes(c.type)) {
    throw invalid(`${path}.type: invalid value ${JSON.stringify(c.type)}; expected one of ${CHOICE_TYPES.join(', ')}.`);
  }
  if (inGrid && c.type === 'DROP_DOWN') throw invalid(`${path}.type: grid columns must be RADIO or CHECKBOX.`);
  if (!Array.isArray(c.options) || c.options.length === 0) throw invalid(`${path}.options: at least one option is required.`);
  const seen = new Set<string>();
  let others = 0;
  const options = c.options.map((o, i) => {
    const p = `${path}.options[${i}]`;
    const opt = obj(o, p);
    checkKeys(opt, ['value', 'image', 'isOther', 'goToAction', 'goToSectionId'], p);
    if (opt.isOther === true) {
      if (c.type === 'DROP_DOWN' || inGrid) throw invalid(`${p}.isOther: only RADIO and CHECKBOX questions outside grids may have an "other" option.`);
      if (++others > 1) throw invalid(`${p}.isOther: only one "other" option is allowed.`);
      return { ...opt };
    }
    if (typeof opt.value !== 'string' || opt.value === '') throw invalid(`${p}.value: a non-empty value is required.`);
    if (seen.has(opt.value)) throw invalid(`${p}.value: duplicate option value ${JSON.stringify(opt.value)}.`);
    seen.add(opt.value);
    return { ...opt, value: opt.value };
  });
  return { type: c.type as ChoiceQuestion['type'], options, ...(c.shuffle !== undefined ? { shuffle: optional<boolean>(c.shuffle, 'boolean', `${path}.shuffle`) } : {}) };
}

function question(v: unknown, path: string, isQuiz: boolean, inGrid: boolean): Question {
  const q = obj(v, path);
  checkKeys(q, ['questionId', 'required', 'grading', ...QUESTION_KINDS], path);
  const kind = onlyOneKind(q, QUESTION_KINDS, path);
  if (kind === 'fileUploadQuestion') throw invalid(`${path}: the API does not support creating file upload questions.`);
  if (inGrid !== (kind === 'rowQuestion')) {
    throw invalid(inGrid ? `${path}: questions in a grid must be rowQuestion.` : `${path}: rowQuestion is only allowed in a questionGroupItem grid.`);
  }
  if (q.grading !== undefined && !isQuiz) throw invalid(`${path}.grading: grading can only be set when the form is a quiz.`);
  const out: Question = { questionId: checkId(q.questionId, `${path}.questionId`) };
  const required = optional<boolean>(q.required, 'boolean', `${path}.required`);
  if (required !== undefined) out.required = required;
  if (q.grading !== undefined) out.grading = structuredClone(obj(q.grading, `${path}.grading`));
  const body = obj(q[kind], `${path}.${kind}`);
  const p = `${path}.${kind}`;
  switch (kind) {
    case 'choiceQuestion':
      out.choiceQuestion = choice(body, p, false);
      break;
    case 'textQuestion':
      checkKeys(body, ['paragraph'], p);
      out.textQuestion = { ...body };
      break;
    case 'dateQuestion':
      checkKeys(body, ['includeTime', 'includeYear'], p);
      out.dateQuestion = { ...body };
      break;
    case 'timeQuestion':
      checkKeys(body, ['duration'], p);
      out.timeQuestion = { ...body };
      break;
    case 'scaleQuestion': {
      checkKeys(body, ['low', 'high', 'lowLabel', 'highLabel'], p);
      const low = body.low ?? 0;
      const { high } = body;
      // The Forms UI (and API) allow scales starting at 0 or 1 and ending at 2..10.
      if ((low !== 0 && low !== 1) || typeof high !== 'number' || !Number.isInteger(high) || high < 2 || high > 10) {
        throw invalid(`${p}: low must be 0 or 1 and high an integer from 2 to 10.`);
      }
      out.scaleQuestion = { ...body, low, high } as Question['scaleQuestion'];
      break;
    }
    case 'ratingQuestion': {
      checkKeys(body, ['ratingScaleLevel', 'iconType'], p);
      const { ratingScaleLevel: lvl, iconType } = body;
      if (typeof lvl !== 'number' || lvl < 3 || lvl > 10 || !['STAR', 'HEART', 'THUMB_UP'].includes(String(iconType))) {
        throw invalid(`${p}: ratingScaleLevel must be 3..10 and iconType STAR, HEART or THUMB_UP.`);
      }
      out.ratingQuestion = { ratingScaleLevel: lvl, iconType: String(iconType) };
      break;
    }
    case 'rowQuestion':
      checkKeys(body, ['title'], p);
      out.rowQuestion = { ...body };
      break;
  }
  return out;
}

/** Validates an item as it will be stored; ids come back '' where the server must assign them. */
export function validateItem(v: unknown, path: string, isQuiz: boolean): Item {
  const it = obj(v, path);
  checkKeys(it, ['itemId', 'title', 'description', ...ITEM_KINDS], path);
  const kind = onlyOneKind(it, ITEM_KINDS, path) as (typeof ITEM_KINDS)[number];
  const out: Item = { itemId: checkId(it.itemId, `${path}.itemId`) };
  const title = optional<string>(it.title, 'string', `${path}.title`);
  const description = optional<string>(it.description, 'string', `${path}.description`);
  if (title !== undefined) out.title = title;
  if (description !== undefined) out.description = description;
  const p = `${path}.${kind}`;
  const body = obj(it[kind], p);
  if (kind === 'questionItem') {
    checkKeys(body, ['question', 'image'], p);
    out.questionItem = { question: question(body.question, `${p}.question`, isQuiz, false), ...(body.image ? { image: obj(body.image, `${p}.image`) } : {}) };
  } else if (kind === 'questionGroupItem') {
    checkKeys(body, ['questions', 'grid', 'image'], p);
    // Grids are the only question group Forms offers, so a group without one is refused.
    const grid = obj(body.grid, `${p}.grid`);
    checkKeys(grid, ['columns', 'shuffleQuestions'], `${p}.grid`);
    if (!Array.isArray(body.questions) || body.questions.length === 0) throw invalid(`${p}.questions: at least one question is required.`);
    out.questionGroupItem = {
      questions: body.questions.map((q, i) => question(q, `${p}.questions[${i}]`, isQuiz, true)),
      grid: { columns: choice(grid.columns, `${p}.grid.columns`, true), ...(grid.shuffleQuestions !== undefined ? { shuffleQuestions: Boolean(grid.shuffleQuestions) } : {}) },
      ...(body.image ? { image: obj(body.image, `${p}.image`) } : {}),
    };
  } else {
    out[kind] = structuredClone(body);
  }
  return out;
}
