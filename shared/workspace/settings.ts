// The Configuració tab: settings the Commission words for its own network, one per row
// (name, value), read by the functions in the same workspace read as the calls. A setting
// left blank, or removed, takes the default: a notice is never sent half empty.
import { PRIVACY_FIELDS, type PrivacySettings } from '../domain/privacy';
import { caPrivacy, DEFAULT_PRIVACY } from '../i18n/ca-privacy';

export const SETTINGS_TAB = 'Configuració';
export const SETTINGS_HEADERS = ['Paràmetre', 'Valor'] as const;

/** One row per setting, with its default; setup adds the rows a sheet lacks, by name. */
export const SEED_SETTINGS: Array<[string, string | number]> = PRIVACY_FIELDS.map((k) => [caPrivacy.settings[k], DEFAULT_PRIVACY[k]]);

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v).trim());

export function parsePrivacy(rows: ReadonlyArray<readonly unknown[]>): PrivacySettings {
  const byName = new Map(rows.map((r) => [text(r[0]), r[1]]));
  const value = (k: keyof PrivacySettings) => byName.get(caPrivacy.settings[k]);
  const years = Number(text(value('retentionYears')).replace(',', '.'));
  const words = (k: Exclude<keyof PrivacySettings, 'retentionYears'>) => text(value(k)) || DEFAULT_PRIVACY[k];
  return {
    controller: words('controller'),
    purpose: words('purpose'),
    legalBasis: words('legalBasis'),
    retentionYears: Number.isFinite(years) && years > 0 ? years : DEFAULT_PRIVACY.retentionYears,
    rights: words('rights'),
    contact: words('contact'),
  };
}
