// Cloud Storage JSON API error bodies. Unlike Sheets and Forms (google.rpc.Status), the
// JSON API still answers with the older envelope: {"error":{"code","message","errors":
// [{"domain","reason","message",…}]}} (cloud.google.com/storage/docs/json_api/v1/status-codes).
// gaxios surfaces `code` and the status, which is what the lease adapter keys off.
import type { ServerResponse } from 'node:http';

export interface ErrorItem {
  domain: string;
  reason: string;
  message: string;
  locationType?: string;
  location?: string;
}

export class StorageError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly item: Partial<ErrorItem> & { reason: string },
  ) {
    super(message);
  }

  body(): { error: { code: number; message: string; errors: ErrorItem[] } } {
    return { error: { code: this.code, message: this.message, errors: [{ message: this.message, domain: 'global', ...this.item }] } };
  }
}

export const invalid = (message: string) => new StorageError(400, message, { reason: 'invalid' });
export const required = (message: string) => new StorageError(400, message, { reason: 'required' });
export const noSuchObject = (bucket: string, name: string) =>
  new StorageError(404, `No such object: ${bucket}/${name}`, { reason: 'notFound' });
export const noSuchBucket = () => new StorageError(404, 'The specified bucket does not exist.', { reason: 'notFound' });
export const conditionNotMet = () =>
  new StorageError(412, 'At least one of the pre-conditions you specified did not hold.', {
    reason: 'conditionNotMet',
    locationType: 'header',
    location: 'If-Match',
  });
/** The documented limit of one write per second to one object name. */
export const objectRateLimited = (name: string) =>
  new StorageError(
    429,
    `The object ${name} exceeded the rate limit for object mutation operations (create, update, and delete). Please reduce your request rate.`,
    { reason: 'rateLimitExceeded' },
  );

/** What a random fault of the shared fault switches becomes in this API's shape. */
export function faultOf(code: number): StorageError {
  if (code === 429) return new StorageError(429, 'The rate of change requests exceeds the rate limit. Please reduce your request rate.', { reason: 'rateLimitExceeded' });
  if (code === 503) return new StorageError(503, 'Service Unavailable', { reason: 'backendError' });
  return new StorageError(500, 'Internal Error', { reason: 'backendError' });
}

export function sendJson(res: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'content-type': 'application/json; charset=UTF-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
