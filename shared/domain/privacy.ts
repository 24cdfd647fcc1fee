// What a data-protection notice must say (RGPD art. 13): who is responsible, why the data
// are used, on what legal basis, how long they are kept, the rights of the person and whom
// to ask. Each network keeps its own wording in the workspace's configuration tab; the
// Catalan default is in shared/i18n/ca-privacy.ts.

export interface PrivacySettings {
  controller: string;
  purpose: string;
  legalBasis: string;
  /** Years after the call's sessions end before its personal data are anonymised. */
  retentionYears: number;
  rights: string;
  contact: string;
}

export const PRIVACY_FIELDS = ['controller', 'purpose', 'legalBasis', 'retentionYears', 'rights', 'contact'] as const satisfies ReadonlyArray<keyof PrivacySettings>;
