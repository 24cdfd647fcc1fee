// The data-protection notice as lines of text, for the form's description, the local page
// and the foot of every email to a municipality: one wording, from the workspace's settings.
import { PRIVACY_FIELDS, type PrivacySettings } from '../domain/privacy';
import { caPrivacy as t, DEFAULT_PRIVACY } from '../i18n/ca-privacy';
import { escapeHtml } from './html';

const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Protecció de dades", then one "Label: text." line per element. */
export function privacyLines(settings: PrivacySettings = DEFAULT_PRIVACY): string[] {
  return [
    t.title,
    ...PRIVACY_FIELDS.map((k) => `${t.labels[k]}: ${sentence(k === 'retentionYears' ? capital(t.retention(settings.retentionYears)) : settings[k])}`),
  ];
}

export const privacyText = (settings?: PrivacySettings): string => privacyLines(settings).join('\n');

/** The notice in small print at the foot of an HTML email, every value escaped. */
export function privacyHtml(settings?: PrivacySettings): string {
  const [title, ...lines] = privacyLines(settings);
  const small = 'color:#555;font-size:85%;margin:4px 0';
  return [`<p style="${small};border-top:1px solid #ddd;padding-top:12px"><strong>${escapeHtml(title)}</strong></p>`, ...lines.map((l) => `<p style="${small}">${escapeHtml(l)}</p>`)].join('\n');
}
