// Body checks for POST /v3/mail/send, modelled on SendGrid's documented 400 errors
// (twilio.com/docs/sendgrid/api-reference/mail-send/errors). SendGrid reports every
// problem it finds in one response, so we collect rather than stop at the first.
import { Collector, checkAddress, checkContent, checkHeaders, checkStringMap, isNonEmptyString, isObj } from './fields';
import type { Obj, SendGridFieldError } from './fields';

export type { SendGridFieldError } from './fields';
export { isValidEmail } from './fields';

function checkPersonalization(c: Collector, p: unknown, i: number, needSubject: boolean): number {
  const f = `personalizations.${i}`;
  if (!isObj(p)) {
    c.add('Each personalization must be an object.', f, 'personalizations');
    return 0;
  }
  const seen = new Map<string, string>();
  let count = 0;
  for (const kind of ['to', 'cc', 'bcc'] as const) {
    const list = p[kind];
    if (list === undefined && kind !== 'to') continue;
    if (!Array.isArray(list) || (kind === 'to' && list.length === 0)) {
      c.add(kind === 'to'
        ? 'The to array is required for all personalization objects, and must have at least one email object with a valid email address.'
        : `The ${kind} field must be an array of email objects.`, `${f}.${kind}`, `personalizations.${kind}`);
      continue;
    }
    list.forEach((addr, j) => {
      const email = checkAddress(c, addr, `${f}.${kind}.${j}`, `personalizations.${kind}`, kind);
      count++;
      if (email === undefined) return;
      if (seen.has(email)) {
        c.add(`Each email address in the personalization block should be unique between to, cc, and bcc. We found the first duplicate instance of [${email}] in the ${f}.${kind} field.`, f, 'personalizations');
      } else seen.set(email, kind);
    });
  }
  if (p.subject !== undefined ? !isNonEmptyString(p.subject) : needSubject) {
    c.add('The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.', `${f}.subject`, 'subject');
  }
  checkHeaders(c, p.headers, `${f}.headers`);
  checkStringMap(c, p.custom_args, `${f}.custom_args`, 'custom_args', 'custom_args');
  checkStringMap(c, p.substitutions, `${f}.substitutions`, 'personalizations.substitutions', 'substitutions');
  if (p.from !== undefined) checkAddress(c, p.from, `${f}.from`, 'from', 'from');
  if (p.send_at !== undefined && !Number.isInteger(p.send_at)) c.add('The send_at parameter must be a unix timestamp.', `${f}.send_at`, 'send_at');
  return count;
}

export function validateMailSend(body: unknown): SendGridFieldError[] {
  const c = new Collector();
  if (!isObj(body)) {
    c.add('The request body must be a JSON object.', null);
    return c.errors;
  }
  const hasTemplate = body.template_id !== undefined;
  if (hasTemplate && !isNonEmptyString(body.template_id)) c.add('The template_id must be a non-empty string.', 'template_id', 'template_id');
  const topSubject = body.subject;
  if (topSubject !== undefined && !isNonEmptyString(topSubject)) {
    c.add('The subject must be a string at least one character in length.', 'subject', 'subject');
  }
  const needSubject = topSubject === undefined && !hasTemplate;

  const ps = body.personalizations;
  if (!Array.isArray(ps) || ps.length === 0) {
    c.add('You must have at least one personalization.', 'personalizations', 'personalizations');
  } else if (ps.length > 1000) {
    c.add(`The personalization block is limited to 1000 personalizations per API request. You have provided ${ps.length} personalizations. Please consider splitting this into multiple requests and resending your request.`, 'personalizations', 'personalizations');
  } else {
    let recipients = 0;
    ps.forEach((p, i) => { recipients += checkPersonalization(c, p, i, needSubject); });
    if (recipients > 1000) c.add('There is a limit of 1000 total recipients (to + cc + bcc) per request.', 'personalizations', 'personalizations');
  }

  if (body.from === undefined) {
    c.add('The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.', 'from', 'from');
  } else checkAddress(c, body.from, 'from', 'from', 'from');
  if (body.reply_to !== undefined) checkAddress(c, body.reply_to, 'reply_to', 'reply_to', 'reply_to');
  if (body.reply_to_list !== undefined) {
    if (body.reply_to !== undefined) c.add('reply_to and reply_to_list cannot be used together.', 'reply_to_list', 'reply_to');
    if (!Array.isArray(body.reply_to_list)) c.add('The reply_to_list must be an array of email objects.', 'reply_to_list', 'reply_to');
    else body.reply_to_list.forEach((a, i) => checkAddress(c, a, `reply_to_list.${i}`, 'reply_to', 'reply_to_list'));
  }

  checkContent(c, body.content, hasTemplate);
  checkHeaders(c, body.headers, 'headers');
  checkStringMap(c, body.custom_args, 'custom_args', 'custom_args', 'custom_args');

  const cats = body.categories;
  if (cats !== undefined) {
    if (!Array.isArray(cats)) c.add('The categories must be an array of strings.', 'categories', 'categories');
    else {
      if (cats.length > 10) c.add('You cannot have more than 10 categories per request.', 'categories', 'categories');
      cats.forEach((cat, i) => {
        if (!isNonEmptyString(cat) || cat.length > 255) c.add('Each category must be a string of 1 to 255 characters.', `categories.${i}`, 'categories');
      });
    }
  }

  if (body.attachments !== undefined) {
    if (!Array.isArray(body.attachments)) c.add('The attachments must be an array.', 'attachments', 'attachments');
    else body.attachments.forEach((a, i) => {
      const att: Obj = isObj(a) ? a : {};
      if (!isNonEmptyString(att.content)) c.add('The attachment content must be a base64 encoded string.', `attachments.${i}.content`, 'attachments.content');
      if (!isNonEmptyString(att.filename)) c.add('The attachment filename must be a string at least one character in length.', `attachments.${i}.filename`, 'attachments.filename');
    });
  }
  if (body.send_at !== undefined && !Number.isInteger(body.send_at)) c.add('The send_at parameter must be a unix timestamp.', 'send_at', 'send_at');
  return c.errors;
}
