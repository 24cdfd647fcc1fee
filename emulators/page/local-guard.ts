// The local-only doors (/local/…) sign, reset and answer for whoever calls them, so a web
// page on another site must not be able to call them from a browser on this machine: a
// form post or a fetch with `no-cors` needs no preflight. A door answers only a JSON
// request from the page's own origin, on a loopback or configured host name (a name that
// resolves here by DNS rebinding is another site, whatever its Origin says).
import type { IncomingMessage } from 'node:http';
import { caPage } from '../../shared/i18n/ca-page';

export interface LocalRefusal {
  status: 403 | 415;
  error: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function refuseLocalDoor(req: IncomingMessage, allowedHosts: readonly string[] = []): LocalRefusal | undefined {
  const h = req.headers;
  const host = h.host ?? '';
  const hostname = host.replace(/:\d+$/, '').toLowerCase();
  const crossSite = { status: 403, error: caPage.doors.crossSite } as const;
  if (!LOOPBACK.has(hostname) && !allowedHosts.includes(hostname)) return crossSite;
  const site = h['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return crossSite;
  if (h.origin !== undefined && h.origin !== `http://${host}`) return crossSite;
  if (!/^application\/json\s*(;|$)/i.test(h['content-type'] ?? '')) return { status: 415, error: caPage.doors.notJson };
  return undefined;
}
