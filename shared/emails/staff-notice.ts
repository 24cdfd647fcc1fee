// One notice to staff per write batch: the new requests (flags first) and any submission
// that failed validation, so a human sees everything that needs one.
import { LOG_KIND } from '../domain/log-entry';
import type { ClassifiedRequest } from '../domain/classify';
import type { FieldErrors } from '../domain/schema';
import { caMail } from '../i18n/ca-mail';
import { staffListEmail } from './staff-list';
import type { OutgoingEmail } from '../ports';

const t = caMail.staffNotice;

export interface InvalidSubmission {
  id: string;
  errors: FieldErrors;
  formErrors: string[];
}

export function staffNotice(
  requests: readonly ClassifiedRequest[],
  invalid: readonly InvalidSubmission[],
  staff: string[],
): OutgoingEmail | undefined {
  if (!staff.length || (!requests.length && !invalid.length)) return undefined;
  const attention = requests.filter((r) => r.flags.length).length + invalid.length;
  const lines = requests.map((r) => {
    const flags = r.flags.map((f) => t.flags[f]).join(', ');
    return {
      title: `${t.newRequest} ${r.reference} — ${r.member?.name ?? r.submission.municipality}`,
      detail: `${r.call.id}${flags ? ` · ${flags}` : ''}`,
      flagged: r.flags.length > 0,
    };
  });
  for (const i of invalid) {
    const reasons = [...i.formErrors, ...Object.values(i.errors).flat()].join(' ');
    lines.push({ title: `${t.invalid}: ${i.id}`, detail: reasons, flagged: true });
  }
  lines.sort((a, b) => Number(b.flagged) - Number(a.flagged));
  return staffListEmail({
    subject: t.subject(requests.length, attention),
    intro: t.intro,
    items: lines,
    staff,
    kind: LOG_KIND.staffNotice,
    category: LOG_KIND.staffNotice,
  });
}
