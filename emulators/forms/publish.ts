// forms.setPublishSettings, as the reference and the "Publish and manage responders" guide
// describe it: the update mask takes publishState or "*", both booleans of publishState
// must be given, accepting responses while unpublished is refused, and a legacy form (no
// publishSettings) cannot be published through the API at all.
import { ApiError, checkKeys, invalid, isObj } from './http';
import type { Json } from './http';
import type { FormRecord } from './model';
import { maskPaths } from './mask';

export function setPublishSettings(f: FormRecord, body: unknown): Json {
  if (!isObj(body)) throw invalid('Request body must be a SetPublishSettingsRequest object.');
  checkKeys(body, ['publishSettings', 'updateMask'], 'SetPublishSettingsRequest');
  if (!f.publishState) {
    // The status is our guess: the reference only says legacy forms "aren't supported".
    throw new ApiError('FAILED_PRECONDITION', 'Legacy forms do not support publish settings: the form has no publishSettings.');
  }
  if (!isObj(body.publishSettings)) throw invalid('publishSettings: required.');
  const settings = body.publishSettings;
  checkKeys(settings, ['publishState'], 'publishSettings');
  // An unset mask is read as "*": every field of publishSettings, which is publishState alone.
  const paths = body.updateMask === undefined ? ['*'] : maskPaths(body.updateMask, 'SetPublishSettingsRequest');
  for (const path of paths) {
    if (path !== '*' && path !== 'publishState') {
      throw invalid(`updateMask: unknown field "${path}"; publishSettings accepts "publishState" or "*".`);
    }
  }
  const state = settings.publishState;
  if (!isObj(state)) throw invalid('publishSettings.publishState: required by the update mask.');
  // Unknown members, both booleans and their consistency are checked before this runs, against
  // the discovery document and its prose (emulators/discovery/forms-rules.ts).
  const { isPublished, isAcceptingResponses } = state as { isPublished: boolean; isAcceptingResponses: boolean };
  f.publishState = { isPublished, isAcceptingResponses };
  return { formId: f.formId, publishSettings: { publishState: { ...f.publishState } } };
}
