// Every value that reaches an email came from a person or the sheet: escape it once here.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** Paragraphs of escaped text; line breaks a person typed are kept. */
export const paragraphs = (text: string): string =>
  text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');

/** A plain two-column table of label → value, both escaped. */
export function definitionTable(rows: ReadonlyArray<readonly [string, string]>): string {
  const body = rows
    .map(
      ([k, v]) =>
        `<tr><th style="text-align:left;vertical-align:top;padding:4px 12px 4px 0">${escapeHtml(k)}</th><td style="padding:4px 0">${escapeHtml(v).replace(/\n/g, '<br>')}</td></tr>`,
    )
    .join('\n');
  return `<table style="border-collapse:collapse">${body}</table>`;
}

/** `foot`: trusted HTML after the signature (the data-protection notice, already escaped). */
export function layout(title: string, bodyHtml: string, signature: string, foot = ''): string {
  return `<!doctype html>
<html lang="ca"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;line-height:1.5;color:#222;max-width:640px">
${bodyHtml}
<p style="color:#666;font-size:90%">${escapeHtml(signature)}</p>${foot ? `\n${foot}` : ''}
</body></html>`;
}
