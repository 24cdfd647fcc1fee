// In-memory state of the Forms emulator. Items are kept in their API JSON shape
// (already validated) so forms.get can return them without translation.
import { randomBytes } from 'node:crypto';
import type { Json } from './http';

export interface ChoiceQuestion { type: 'RADIO' | 'CHECKBOX' | 'DROP_DOWN'; options: Array<{ value?: string; isOther?: boolean } & Json>; shuffle?: boolean }
export interface Question {
  questionId: string;
  required?: boolean;
  grading?: Json;
  textQuestion?: { paragraph?: boolean };
  choiceQuestion?: ChoiceQuestion;
  dateQuestion?: { includeTime?: boolean; includeYear?: boolean };
  timeQuestion?: { duration?: boolean };
  scaleQuestion?: { low: number; high: number; lowLabel?: string; highLabel?: string };
  ratingQuestion?: { ratingScaleLevel: number; iconType: string };
  rowQuestion?: { title?: string };
}
export interface Item {
  itemId: string;
  title?: string;
  description?: string;
  questionItem?: { question: Question; image?: Json };
  questionGroupItem?: { questions: Question[]; grid: { columns: ChoiceQuestion; shuffleQuestions?: boolean }; image?: Json };
  textItem?: Json;
  pageBreakItem?: Json;
  imageItem?: Json;
  videoItem?: Json;
}

export interface FormRecord {
  formId: string;
  info: { title?: string; documentTitle?: string; description?: string };
  settings: { quizSettings?: { isQuiz?: boolean }; emailCollectionType?: string };
  items: Item[];
  revision: number;
  /** The published form's id, distinct from formId as in Google's responderUri. */
  responderId: string;
  /**
   * null on a legacy form (one from before publish settings existed): it has no
   * publishSettings and setPublishSettings refuses it. Forms created now start unpublished.
   */
  publishState: PublishState | null;
}

export interface PublishState { isPublished: boolean; isAcceptingResponses: boolean }

/** Forms created through the API after 30 June 2026 (the "API changes to Google Forms" guide). */
export const UNPUBLISHED: PublishState = { isPublished: false, isAcceptingResponses: false };

/** A legacy form takes responses as it always did; a form with publish settings only when they say so. */
export const acceptsResponses = (f: FormRecord): boolean => f.publishState === null || f.publishState.isAcceptingResponses;

export interface ResponseRecord {
  formId: string;
  responseId: string;
  createTime: string;
  lastSubmittedTime: string;
  respondentEmail?: string;
  answers: Record<string, string[]>;
}

export type EventType = 'RESPONSES' | 'SCHEMA';
export interface WatchRecord {
  formId: string;
  id: string;
  topicName: string;
  eventType: EventType;
  createTime: string;
  expireTime: string;
  state: 'ACTIVE' | 'SUSPENDED';
  errorType?: string;
  /** Test hook: a suspension whose cause has not gone away, so renew keeps failing. */
  errorPersists?: boolean;
}

export interface FormsState {
  version: 1;
  forms: Record<string, FormRecord>;
  responses: Record<string, ResponseRecord[]>;
  watches: WatchRecord[];
}

export const emptyState = (): FormsState => ({ version: 1, forms: {}, responses: {}, watches: [] });

// Google's form ids are 44 url-safe characters that begin with "1" (Drive file ids); one
// that began with "-" would read as an option to every command line that takes it.
export const newFormId = () => `1${randomBytes(33).toString('base64url').slice(0, 43)}`;
// Response ids are long opaque strings; the fixed prefix mimics the real ones' look.
export const newResponseId = () => `ACYDBN${randomBytes(30).toString('base64url')}`;

/**
 * Item and question ids are 8 lower-case hex digits when Google picks them: hex
 * renderings of the positive 32-bit numbers behind the public form's entry.NNN fields
 * (question "29369072" is entry.691441778). Client-chosen ids are held to the same range.
 */
export const ID_RE = /^[0-9a-fA-F]{1,8}$/;
export const isValidId = (v: string) => ID_RE.test(v) && parseInt(v, 16) <= 0x7fffffff;

export function newHexId(taken: Set<string>): string {
  for (;;) {
    const bytes = randomBytes(4);
    bytes[0] = (bytes[0] ?? 0) & 0x7f;
    const id = bytes.toString('hex');
    if (!taken.has(id)) return id;
  }
}

export const revisionId = (f: FormRecord) => String(f.revision).padStart(8, '0');

export function questionsOf(item: Item): Question[] {
  if (item.questionItem) return [item.questionItem.question];
  return item.questionGroupItem?.questions ?? [];
}

/** All item and question ids of a form; compared case-insensitively. */
export function idsInUse(items: Item[]): Set<string> {
  const ids = new Set<string>();
  for (const it of items) {
    ids.add(it.itemId.toLowerCase());
    for (const q of questionsOf(it)) ids.add(q.questionId.toLowerCase());
  }
  return ids;
}

export function formView(f: FormRecord): Json {
  return structuredClone({
    formId: f.formId,
    info: f.info,
    settings: f.settings,
    ...(f.items.length ? { items: f.items } : {}), // proto3 JSON omits empty repeated fields
    revisionId: revisionId(f),
    responderUri: `https://docs.google.com/forms/d/e/${f.responderId}/viewform`,
    // Documented: "This field isn't set for legacy forms".
    ...(f.publishState ? { publishSettings: { publishState: f.publishState } } : {}),
  });
}
