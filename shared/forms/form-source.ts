// The Forms API's data as the door needs it, in the wire's own JSON shape, so pure code
// builds requests and reads responses without importing the SDK. The FormSource port that
// carries them is in shared/ports.ts; only shared/adapters/forms.ts implements it.

export interface FormQuestion {
  questionId?: string | null;
  required?: boolean | null;
  textQuestion?: { paragraph?: boolean | null } | null;
  choiceQuestion?: {
    type?: 'RADIO' | 'CHECKBOX' | 'DROP_DOWN' | string | null;
    options?: Array<{ value?: string | null }> | null;
  } | null;
}

export interface FormItem {
  itemId?: string | null;
  title?: string | null;
  description?: string | null;
  questionItem?: { question?: FormQuestion | null } | null;
  /** Grids, text, images, page breaks: kept as they are, never written by us. */
  [other: string]: unknown;
}

export interface FormDoc {
  formId?: string | null;
  info?: { title?: string | null; documentTitle?: string | null; description?: string | null } | null;
  settings?: { emailCollectionType?: string | null } | null;
  items?: FormItem[] | null;
  responderUri?: string | null;
  /** Absent on a legacy form, which the API cannot publish or close. */
  publishSettings?: { publishState?: PublishState | null } | null;
}

/** Google's two switches; accepting responses requires being published. */
export interface PublishState {
  isPublished?: boolean | null;
  isAcceptingResponses?: boolean | null;
}

export type FormRequest =
  | { updateFormInfo: { info: { title?: string; description?: string }; updateMask: string } }
  | { updateSettings: { settings: { emailCollectionType?: string }; updateMask: string } }
  | { createItem: { item: FormItem; location: { index: number } } }
  | { updateItem: { item: FormItem; location: { index: number }; updateMask: string } }
  | { moveItem: { originalLocation: { index: number }; newLocation: { index: number } } }
  | { deleteItem: { location: { index: number } } };

export interface FormAnswer {
  questionId?: string | null;
  textAnswers?: { answers?: Array<{ value?: string | null }> | null } | null;
  [other: string]: unknown;
}

export interface FormResponse {
  responseId?: string | null;
  /** First submission: the deadline is judged on it. */
  createTime?: string | null;
  /** Moves when a respondent edits the response; the list filter works on it. */
  lastSubmittedTime?: string | null;
  respondentEmail?: string | null;
  answers?: Record<string, FormAnswer> | null;
}

export interface FormWatch {
  id?: string | null;
  eventType?: string | null;
  target?: { topic?: { topicName?: string | null } | null } | null;
  createTime?: string | null;
  expireTime?: string | null;
  state?: 'ACTIVE' | 'SUSPENDED' | string | null;
  errorType?: string | null;
}
