// The stack's Google Form closed by hand (as an editor would in the Forms UI, through the
// API) and opened again the way an admin does: `npm run form -- update`.
import { forms } from '@googleapis/forms';
import { formCommand } from '../../scripts/form-command';
import type { TestStack } from './stack';

export function stackForm(stack: TestStack) {
  const formId = stack.functionEnv.FORM_ID!;
  const api = forms({ version: 'v1', rootUrl: `${stack.url}/` });
  return {
    formId,
    close: (publishState: { isPublished: boolean; isAcceptingResponses: boolean }) =>
      api.forms.setPublishSettings({ formId, requestBody: { publishSettings: { publishState }, updateMask: 'publishState' } }),
    /** Exit code of `npm run form -- update` on the stack's form. */
    update: async () =>
      (await formCommand(['update', '--form', formId], { ...process.env, GOOGLE_ROOT_URL: `${stack.url}/`, SPREADSHEET_ID: 'local-workspace' })).code,
  };
}
