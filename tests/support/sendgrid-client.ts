// SendGrid's official client, pointed at a local sink: the sink's own tests use it, and the
// adapter's test compares what it sends with what the adapter sends.
import sgClient from '@sendgrid/client';
import sgMail from '@sendgrid/mail';

// At runtime `import { Client } from '@sendgrid/client'` works (cjs-module-lexer sees
// `module.exports.Client`), but the packages' typings use `export =` an instance, which
// TypeScript 7 refuses to destructure (TS2595). Take the classes off the default export.
export type SgMail = typeof sgMail;
const Client = (sgClient as unknown as { Client: new () => typeof sgClient }).Client;
const MailService = (sgMail as unknown as { MailService: new () => SgMail }).MailService;

/** A fresh @sendgrid/mail service sending to `baseUrl` (with a trailing slash). */
export function officialMailer(baseUrl: string, apiKey?: string): SgMail {
  const client = new Client();
  // Order matters: setApiKey() resets baseUrl to the SendGrid region host.
  if (apiKey) client.setApiKey(apiKey);
  client.setDefaultRequest('baseUrl', baseUrl);
  const mail = new MailService();
  mail.setClient(client);
  return mail;
}
