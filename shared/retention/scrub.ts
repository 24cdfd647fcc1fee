// Taking people out of text that is kept: every name, email and phone the workspace knows
// about them, and any email address at all, become the marker. Used by retention on the
// text it keeps and by the published FAQ.
import { caRetention } from '../i18n/ca-retention';

export const MARKER = caRetention.marker;

export const EMAIL = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:]+/g;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces every known name, email and phone (and any email address at all) by the marker. */
export function scrubber(known: Iterable<string>): (text: string) => string {
  const needles = [...new Set([...known].map((k) => k.trim()).filter((k) => k.length >= 3 && k !== MARKER))].sort((a, b) => b.length - a.length);
  const pattern = needles.length ? new RegExp(needles.map(escapeRe).join('|'), 'giu') : undefined;
  return (text) => {
    const out = pattern ? text.replace(pattern, MARKER) : text;
    return out.replace(EMAIL, MARKER);
  };
}
