// The Cloud Storage emulator's entry into the validator: query parameters of objects.insert,
// get and delete, and the Object resource of a multipart upload, checked against the
// storage.v1 discovery document. The JSON API answers in its own older envelope, so the
// violations become one 400 `invalid` error (emulators/storage/errors.ts).
import { invalid } from '../storage/errors';
import { discovery, validateCall } from './validate';

export type StorageMethod = 'objects.insert' | 'objects.get' | 'objects.delete';

function refuse(violations: { description: string }[]): void {
  if (violations.length) throw invalid(violations.map((v) => v.description).join('\n'));
}

/** The body is checked apart (checkObjectResource): a media upload's body is the object's bytes. */
export function checkStorageQuery(method: StorageMethod, query: URLSearchParams): void {
  refuse(validateCall(discovery('storage.v1'), `storage.${method}`, { query }));
}

/** The JSON part of a multipart upload: an Object resource. */
export function checkObjectResource(resource: unknown): void {
  refuse(validateCall(discovery('storage.v1'), 'storage.objects.insert', { query: new URLSearchParams(), body: resource }));
}
