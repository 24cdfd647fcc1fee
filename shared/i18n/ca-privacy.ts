// Catalan text of the data-protection notice: the default wording a network starts with
// (the Commission changes it in the Configuració tab), the names of its settings, and how
// the notice reads at the end of the form and of every email to a municipality.
import type { PrivacySettings } from '../domain/privacy';

export const DEFAULT_PRIVACY: PrivacySettings = {
  controller: 'Xarxa de Municipis per l’Economia Social i Solidària (XMESS), per mitjà de la seva Secretaria Tècnica.',
  purpose:
    'Gestionar les sol·licituds de mentoria i assessorament especialitzat, comunicar-ne la resolució, fer el seguiment i l’avaluació del servei i elaborar-ne les xifres anuals.',
  legalBasis: 'El compliment d’una missió realitzada en interès públic pels ens membres de la XMESS (article 6.1.e del Reglament general de protecció de dades).',
  retentionYears: 3,
  rights:
    'Podeu exercir els drets d’accés, rectificació, supressió, oposició i limitació del tractament davant la Secretaria Tècnica, i presentar una reclamació a l’Autoritat Catalana de Protecció de Dades.',
  contact: 'La Secretaria Tècnica de la XMESS; podeu respondre qualsevol dels correus que us enviem.',
};

export const caPrivacy = {
  title: 'Protecció de dades',
  /** How each element is introduced in the notice. */
  labels: {
    controller: 'Responsable',
    purpose: 'Finalitat',
    legalBasis: 'Base jurídica',
    retentionYears: 'Conservació',
    rights: 'Drets',
    contact: 'Contacte',
  } satisfies Record<keyof PrivacySettings, string>,
  retention: (years: number) =>
    `les dades personals es conserven fins ${years === 1 ? 'a un any' : `a ${years.toLocaleString('ca-ES')} anys`} després que acabin les sessions de la convocatòria; després s’anonimitzen i només se’n conserven les xifres (hores, serveis, municipis i temàtiques).`,
  /** The settings' names in the Configuració tab (its "Paràmetre" column). */
  settings: {
    controller: 'Protecció de dades: responsable',
    purpose: 'Protecció de dades: finalitat',
    legalBasis: 'Protecció de dades: base jurídica',
    retentionYears: 'Protecció de dades: anys de conservació després de les sessions',
    rights: 'Protecció de dades: drets',
    contact: 'Protecció de dades: contacte',
  } satisfies Record<keyof PrivacySettings, string>,
} as const;
