// The Commission's own columns on the request tab: functions never write them; setup
// creates them once with validation, and people fill them in.

import { DECISIONS } from '../domain/vocabulary';
import { dataColumn, POOL_HEADERS, TABS } from './tabs';

export const COMMISSION_COLUMNS = {
  scoreNeed: 'Punt. Necessitat i impacte',
  scoreTransfer: 'Punt. Transferibilitat',
  scoreAlign: 'Punt. Alineació',
  involvement: 'Implicació (0–3)',
  diversity: 'Diversitat (0–3)',
  decision: 'Decisió',
  service: 'Servei assignat',
  hours: 'Hores assignades',
  adviser: 'Persona mentora o assessora',
  adviserContact: 'Contacte de la persona mentora o assessora',
  message: 'Missatge al municipi',
  redirectedTo: 'Derivada a',
  announce: 'Difondre',
  release: 'Enviar decisió',
  /** Ticked: a flagged request (non-member, late, early) ranks like the others. */
  admitted: 'Admesa',
} as const;

export type CommissionColumn = keyof typeof COMMISSION_COLUMNS;

/**
 * Headers of earlier versions → today's, so one thing has one name in the form, the sheet
 * and the emails. Setup renames them in place (the column and what the Commission typed in
 * it stay); until it runs again, the functions read the old header as the new one.
 */
export const RENAMED_HEADERS: Readonly<Record<string, string>> = {
  'Mentor/a o assessor/a': COMMISSION_COLUMNS.adviser,
  'Contacte de la persona mentora': COMMISSION_COLUMNS.adviserContact,
};

/** A header as this version names it. */
export const currentHeader = (h: string): string => RENAMED_HEADERS[h] ?? h;

/** Validation rules, by kind; setup turns them into Sheets data validation. */
export type Validation =
  | { kind: 'number'; min: number; max: number }
  | { kind: 'list'; values: readonly string[] }
  | { kind: 'range'; range: string } // one of the values in another tab's column
  | { kind: 'checkbox' }
  | { kind: 'multipleOf'; ofCell: string }; // custom formula: hours in whole sessions

export const COMMISSION_VALIDATION: Partial<Record<CommissionColumn, Validation>> = {
  scoreNeed: { kind: 'number', min: 0, max: 5 },
  scoreTransfer: { kind: 'number', min: 0, max: 5 },
  scoreAlign: { kind: 'number', min: 0, max: 5 },
  involvement: { kind: 'number', min: 0, max: 3 },
  diversity: { kind: 'number', min: 0, max: 3 },
  decision: { kind: 'list', values: DECISIONS },
  service: { kind: 'range', range: dataColumn(TABS.pools, POOL_HEADERS, 'Servei') },
  announce: { kind: 'checkbox' },
  release: { kind: 'checkbox' },
  admitted: { kind: 'checkbox' },
};
