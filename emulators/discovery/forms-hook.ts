// The Forms emulator's single entry into the validator: route names ('forms.responses.list')
// map to discovery ids ('forms.forms.responses.list'). The emulator's ApiError puts extra
// members beside `error`, so Google's `error.details` is added by a small subclass here.
import { ApiError } from '../forms/http';
import { FORMS_OPTIONAL, FORMS_RULES } from './forms-rules';
import { badRequest, discovery, validateCall } from './validate';

class BadRequest extends ApiError {
  constructor(message: string, readonly details: unknown[]) {
    super('INVALID_ARGUMENT', message);
  }
  override body(): Record<string, unknown> {
    const { error } = super.body() as { error: Record<string, unknown> };
    return { error: { ...error, details: this.details } };
  }
}

export function checkFormsCall(route: string, call: { query: URLSearchParams; body?: unknown }): void {
  const violations = validateCall(discovery('forms.v1'), `forms.${route}`, call, { rules: FORMS_RULES, optional: FORMS_OPTIONAL });
  if (violations.length === 0) return;
  const { message, details } = badRequest(violations);
  throw new BadRequest(message, details);
}
