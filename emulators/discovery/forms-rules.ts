// Forms v1 rules that Google states in prose only. Kept apart from the publish behaviour
// itself (forms.setPublishSettings), which lives with the Forms emulator.
import type { ProseRule } from './body';
import { backendViolation } from './prose-where';

// PublishSettings.publishState (forms.v1 reference, google-api-python-client docs for
// forms.v1): "When updating `publish_state`, both `is_published` and `is_accepting_responses`
// must be set. However, setting `is_accepting_responses` to `true` and `is_published` to
// `false` isn't supported and returns an error."
export const publishStateConsistency: ProseRule = (state, path) => {
  const out = [];
  for (const key of ['isPublished', 'isAcceptingResponses'] as const) {
    if (typeof state[key] !== 'boolean') out.push(backendViolation(path, key, `publish_state.${key === 'isPublished' ? 'is_published' : 'is_accepting_responses'} must be set.`));
  }
  if (state.isAcceptingResponses === true && state.isPublished === false) {
    out.push(backendViolation(path, 'isAcceptingResponses', 'A form that is not published cannot accept responses.'));
  }
  return out;
};

// Option.value is "Required." in the discovery document, but Google's own guide adds the
// "Other" choice as an option with `isOther: true` and no value (Option.isOther: "Whether the
// option is 'other'"); the value is required of every other option.
const optionValue: ProseRule = (option, path) =>
  option.isOther === true || (typeof option.value === 'string' && option.value !== '')
    ? []
    : [backendViolation(path, 'value', 'An option must have a value unless it is the "other" option.')];

export const FORMS_RULES: Record<string, ProseRule> = { PublishState: publishStateConsistency, Option: optionValue };

// Form.items and Form.info are "Required." in the discovery document, yet forms.create is
// documented to take only info.title and info.documentTitle ("All other fields including the
// form description, items and settings are disallowed"), so items cannot be required there.
export const FORMS_OPTIONAL: Record<string, readonly string[]> = { Form: ['items'], Option: ['value'] };
