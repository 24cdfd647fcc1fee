// Signed intake: X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>.
// Verified on the raw bytes before anything is parsed; several v1= (the sender rotating)
// and several secrets (us rotating) are accepted; old and future timestamps are not.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_TOLERANCE_S = 300;

export function sign(secret: string, body: string | Buffer, t = Math.floor(Date.now() / 1000)): string {
  return `t=${t},v1=${hmac(secret, t, body)}`;
}

const hmac = (secret: string, t: number | string, body: string | Buffer) =>
  createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex');

export function verifySignature(
  header: string | undefined,
  body: Buffer,
  secrets: readonly string[],
  nowS = Math.floor(Date.now() / 1000),
): boolean {
  if (!header || header.length > 2048 || !secrets.length) return false;
  let t: string | undefined;
  const candidates: string[] = [];
  for (const part of header.split(',')) {
    const [k, v] = part.trim().split('=', 2);
    if (k === 't') t = v;
    else if (k === 'v1' && v && /^[0-9a-f]{64}$/i.test(v)) candidates.push(v.toLowerCase());
  }
  if (!t || !/^\d{1,12}$/.test(t) || !candidates.length) return false;
  if (Math.abs(nowS - Number(t)) > SIGNATURE_TOLERANCE_S) return false;
  let ok = false;
  for (const secret of secrets) {
    const expected = Buffer.from(hmac(secret, t, body), 'hex');
    // Compare every candidate, constant-time, without an early exit on the first match.
    for (const c of candidates) ok = timingSafeEqual(expected, Buffer.from(c, 'hex')) || ok;
  }
  return ok;
}
