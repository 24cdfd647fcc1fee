// Records every mail/send attempt the SendGrid sink answers, refused ones included (the
// sink keeps only what it accepted), so a test can hold each failure to its story in the
// log. The tap sits in front of the sink's handler and replays the body it read.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { SendGridSink } from '../../emulators/sendgrid';
import type { SinkMail } from './mail-checks';

export interface SendAttempt {
  status: number;
  mail: SinkMail;
}

export function tapMailSends(sink: SendGridSink): { attempts(): SendAttempt[] } {
  const attempts: SendAttempt[] = [];
  const handle = sink.handle.bind(sink);
  sink.handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST' || !(req.url ?? '').startsWith('/v3/mail/send')) return handle(req, res);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const replay = Object.assign(Readable.from([raw]), { method: req.method, url: req.url, headers: req.headers }) as unknown as IncomingMessage;
    res.once('finish', () => {
      let mail: SinkMail = {};
      try {
        mail = JSON.parse(raw.toString('utf8')) as SinkMail;
      } catch {
        // an unreadable body is still an attempt
      }
      attempts.push({ status: res.statusCode, mail });
    });
    return handle(replay, res);
  };
  return { attempts: () => [...attempts] };
}
