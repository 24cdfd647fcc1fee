// forms.setPublishSettings bodies, checked by the same validator the Forms emulator's routes
// call (the route itself arrives with the publish-state work; whichever route is named
// 'forms.setPublishSettings' gets these checks through checkFormsCall).
import { describe, expect, it } from 'vitest';
import { FORMS_OPTIONAL, FORMS_RULES } from '../../emulators/discovery/forms-rules';
import { discovery, validateCall } from '../../emulators/discovery/validate';

const check = (body: unknown) =>
  validateCall(discovery('forms.v1'), 'forms.forms.setPublishSettings', { query: new URLSearchParams(), body }, { rules: FORMS_RULES, optional: FORMS_OPTIONAL });
const state = (isPublished?: boolean, isAcceptingResponses?: boolean) => ({ publishSettings: { publishState: { isPublished, isAcceptingResponses } }, updateMask: 'publish_state' });

describe('forms.setPublishSettings', () => {
  it.each([
    [true, true],
    [true, false],
    [false, false],
  ])('takes isPublished %s with isAcceptingResponses %s', (published, accepting) => {
    expect(check(state(published, accepting))).toEqual([]);
  });

  it('refuses accepting responses while unpublished, as the reference says Google does', () => {
    expect(check(state(false, true))).toEqual([
      { field: 'publish_settings.publish_state.is_accepting_responses', description: 'Invalid publishSettings.publishState: A form that is not published cannot accept responses.' },
    ]);
  });

  it('refuses a publish state missing either flag', () => {
    expect(check(state(true, undefined)).map((v) => v.field)).toEqual(['publish_settings.publish_state.is_accepting_responses']);
  });

  it('checks the update mask against PublishSettings, in snake_case or camelCase', () => {
    expect(check({ ...state(true, true), updateMask: 'publishState' })).toEqual([]);
    expect(check({ ...state(true, true), updateMask: 'publish_states' }).map((v) => v.field)).toEqual(['update_mask']);
  });

  it('requires publishSettings itself', () => {
    expect(check({ updateMask: '*' }).map((v) => v.description)).toEqual(["Invalid value at 'publish_settings': required field is not set."]);
  });
});
