// updateFormInfo and updateSettings requests of forms.batchUpdate.
import { checkKeys, invalid, isObj } from './http';
import type { Json } from './http';
import { questionsOf } from './model';
import type { FormRecord } from './model';
import { maskPaths } from './mask';

const EMAIL_COLLECTION = ['DO_NOT_COLLECT', 'VERIFIED', 'RESPONDER_INPUT'];

export function updateFormInfo(f: FormRecord, r: Json, p: string): void {
  checkKeys(r, ['info', 'updateMask'], p);
  const info = isObj(r.info) ? r.info : {};
  checkKeys(info, ['title', 'description', 'documentTitle'], `${p}.info`);
  for (const field of maskPaths(r.updateMask, p).flatMap((m) => (m === '*' ? ['title', 'description'] : [m]))) {
    if (field === 'documentTitle') throw invalid(`${p}: documentTitle cannot be modified by batchUpdate; use the Drive API.`);
    if (field !== 'title' && field !== 'description') throw invalid(`${p}.updateMask: unknown field "${field}".`);
    const v = info[field];
    if (v === undefined || v === '') delete f.info[field];
    else if (typeof v !== 'string') throw invalid(`${p}.info.${field}: expected a string.`);
    else f.info[field] = v;
  }
}

export function updateSettings(f: FormRecord, r: Json, p: string): void {
  checkKeys(r, ['settings', 'updateMask'], p);
  const s = isObj(r.settings) ? r.settings : {};
  checkKeys(s, ['quizSettings', 'emailCollectionType'], `${p}.settings`);
  for (const field of maskPaths(r.updateMask, p).flatMap((m) => (m === '*' ? ['quizSettings', 'emailCollectionType'] : [m]))) {
    if (field === 'quizSettings' || field === 'quizSettings.isQuiz') {
      const isQuiz = isObj(s.quizSettings) ? s.quizSettings.isQuiz === true : false;
      f.settings.quizSettings = { isQuiz };
      // Documented: turning quiz mode off deletes all question grading.
      if (!isQuiz) for (const it of f.items) for (const q of questionsOf(it)) delete q.grading;
    } else if (field === 'emailCollectionType') {
      const v = s.emailCollectionType;
      if (v === undefined || v === 'EMAIL_COLLECTION_TYPE_UNSPECIFIED') delete f.settings.emailCollectionType;
      else if (typeof v !== 'string' || !EMAIL_COLLECTION.includes(v)) throw invalid(`${p}.settings.emailCollectionType: invalid value ${JSON.stringify(v)}.`);
      else f.settings.emailCollectionType = v;
    } else throw invalid(`${p}.updateMask: unknown field "${field}".`);
  }
}
