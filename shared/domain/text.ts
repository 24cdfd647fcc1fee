// Text hygiene for everything a user typed, applied before validation so that the
// limits and the sheet see the same characters.

// C0/C1 controls except TAB and LF, plus bidi overrides/isolates and marks that can
// disguise what a reader sees (a "Trojan Source"-style name or subject).
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** NFC, unsafe controls removed, CRLF/CR folded to LF, tabs to spaces, trimmed. */
export function cleanText(value: string): string {
  return value
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(UNSAFE, '')
    .replace(/\t/g, ' ')
    .trim();
}

export const hasLineBreak = (value: string): boolean => /[\n\u2028\u2029\u0085]/.test(value);

/**
 * A comparison key for names: case, accents (NFC or NFD), apostrophe style and spacing
 * do not matter.
 */
export function foldForMatch(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/·/g, '.')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
