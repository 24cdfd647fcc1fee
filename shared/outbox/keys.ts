// Every idempotency key of the log, built here and nowhere else. A key names one thing
// that happens once (a request recorded, an email sent, a digest item reported); the
// outbox fold (fold.ts) answers "already done?" by key, so the doors, the sweep and the
// reconciliation must spell a key the same way, whichever of them writes it. Each builder
// gives the entry's kind with its key: the kind is the key's prefix.
import { LOG_KIND as K, type LogKind } from '../domain/log-entry';

export interface Keyed {
  kind: LogKind;
  key: string;
}

const keyed = (kind: LogKind, ...parts: string[]): Keyed => ({ kind, key: [kind, ...parts].join(':') });

/** The request-level keys: one per request and kind (decisions also per version). */
export const outboxKey = {
  received: (id: string) => keyed(K.received, id),
  invalid: (id: string) => keyed(K.invalid, id),
  confirmation: (id: string) => keyed(K.confirmation, id),
  /** The staff notice for a new request. */
  staffNotice: (id: string) => keyed(K.staffNotice, id),
  /** The staff notice for a refused submission. */
  staffNoticeInvalid: (id: string) => keyed(K.staffNotice, K.invalid, id),
  /** A Google Forms response edited after it became a row, at one version. */
  edit: (id: string, version: string) => keyed(K.edited, id, version),
  staffNoticeEdit: (id: string, version: string) => keyed(K.staffNotice, K.edited, id, version),
  /** A decision, per version of its values (a correction is a new key). */
  decision: (id: string, fingerprint: string) => keyed(K.decision, id, fingerprint),
  /** An acceptance held back by the pool guard, per version. */
  blocked: (id: string, fingerprint: string) => keyed(K.blocked, id, fingerprint),
  /** Staff told that the email under `key` will not be tried again. */
  alert: (key: string) => keyed(K.alert, key),
  announcement: (id: string) => keyed(K.announcement, id),
  /** A digest item already reported to staff. */
  reported: (itemKey: string) => keyed(K.reported, itemKey),
  /** The evaluation email, once per request: the service ends once. */
  evaluation: (id: string) => keyed(K.evaluation, id),
  /** A call's personal data anonymised, once per call (not per request: its entry has no request ID). */
  anonymised: (callId: string) => keyed(K.anonymised, callId),
} as const;

/** The request ID of a confirmation key; undefined for any other key. */
export function confirmationOf(key: string): string | undefined {
  const prefix = `${K.confirmation}:`;
  return key.startsWith(prefix) ? key.slice(prefix.length) : undefined;
}

/** The call ID of an anonymisation key; undefined for any other key. */
export function anonymisedCallOf(key: string): string | undefined {
  const prefix = `${K.anonymised}:`;
  return key.startsWith(prefix) ? key.slice(prefix.length) : undefined;
}

/**
 * Digest items: what staff are told once. A standing condition's key carries what makes it
 * new again (a failure count, the hours left, the day), so it is reported again when that changes.
 */
export const digestKey = {
  possibleDuplicate: (key: string) => `duplicat:${key}`,
  sendFailed: (key: string, failures: number) => `error:${key}:${failures}`,
  late: (id: string) => `fora_termini:${id}`,
  nonMember: (id: string) => `no_membre:${id}`,
  clockSkew: (id: string) => `rellotge:${id}`,
  /** A recorded request whose row is no longer in the sheet (a person removed it). */
  rowGone: (id: string) => `fila_esborrada:${id}`,
  /** A decision held back by a cell, per what the cell shows: a new value is news again. */
  held: (id: string, header: string, shown: string) => `retinguda:${id}:${header}:${shown}`,
  /** An email SendGrid refused for good, per recipients: a corrected address is news again. */
  refused: (key: string, recipients: string) => `rebutjat:${key}:${recipients}`,
  early: (id: string) => `abans_obertura:${id}`,
  sessionOutside: (id: string, date: string) => `sessio_fora:${id}:${date}`,
  invalid: (id: string, at: string) => `${K.invalid}:${id}:${at}`,
  poolOver: (callId: string, service: string, left: number) => `bossa:${callId}:${service}:${left}`,
  waitingServable: (id: string, free: number) => `espera:${id}:${free}`,
  /** A call past its retention date whose personal data are still there: told once. */
  retentionDue: (callId: string) => `conservacio:${callId}`,
  formsWatchFailed: (day: string) => `forms-watch:failed:${day}`,
  formsWatchRecreated: (watchId: string) => `forms-watch:recreated:${watchId}`,
  formsWatchReactivated: (watchId: string, expireTime: string) => `forms-watch:reactivated:${watchId}:${expireTime}`,
  formsWatchSuspended: (errorType: string, day: string) => `forms-watch:suspended:${errorType}:${day}`,
  formsListRefused: (day: string) => `forms-list:refused:${day}`,
} as const;
