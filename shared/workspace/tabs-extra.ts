// The Commission's supporting tabs: per-member reviews, sessions held, and the yearly
// summary. People type rows; the helper columns at their right are formulas setup writes.

export const REVIEWS_TAB = 'Valoracions';
export const SESSIONS_TAB = 'Sessions';
export const CRITERIA_TAB = 'Criteris';
export const SUMMARY_TAB = 'Resum';

export const REVIEW_COLUMNS = [
  'Persona avaluadora',
  'Municipi de la persona avaluadora',
  'ID sol·licitud',
  'Necessitat i impacte',
  'Transferibilitat',
  'Alineació',
  'Comentari',
  // helpers
  'Municipi sol·licitant',
  'Conflicte d’interès',
  'Vàlida',
] as const;
export const REVIEW_INPUTS = 7;

export const SESSION_COLUMNS = [
  'ID sol·licitud',
  'Data',
  'Hores',
  'Modalitat',
  'Temes treballats',
  'Pregunta FAQ',
  'Resposta FAQ',
  'Bona pràctica',
  // helpers
  'Convocatòria',
  'Servei',
  'Dins del període',
  'Any',
  'Bossa',
] as const;
export const SESSION_INPUTS = 8;

/** Assigned: acceptances sent; pending: decided, not sent yet; left: the pool less both. */
export const POOL_HELPERS = ['Assignades', 'Fetes', 'Restants', 'Pendents d’enviar'] as const;

/** How many rows of the supporting tabs setup prepares with helper formulas. */
export const PREPARED_ROWS = 500;
