// The Forms API as the door needs it (the FormSource port), in the wire's own JSON shape,
// so pure code builds requests and reads responses without importing the SDK. Only
// shared/adapters/forms.ts implements it against Google (or the local emulator).

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

export interface FormSource {
  create(info: { title: string; documentTitle: string }): Promise<FormDoc>;
  get(formId: string): Promise<FormDoc>;
  /** All requests apply or none do (the API's own guarantee). */
  batchUpdate(formId: string, requests: FormRequest[]): Promise<void>;
  /** Every page; `since` (RFC 3339 Zulu) becomes `filter=timestamp > since`. */
  /** forms.setPublishSettings (mask publishState): the settings Google answers with. */
  setPublishSettings(formId: string, state: { isPublished: boolean; isAcceptingResponses: boolean }): Promise<PublishState>;
  listResponses(formId: string, since?: string): Promise<FormResponse[]>;
  listWatches(formId: string): Promise<FormWatch[]>;
  createWatch(formId: string, topicName: string): Promise<FormWatch>;
  /** undefined when the watch is gone (NOT_FOUND: it expired): create a new one. */
  renewWatch(formId: string, watchId: string): Promise<FormWatch | undefined>;
  deleteWatch(formId: string, watchId: string): Promise<void>;
}
