// The sheet's vocabulary: the words the Commission picks from a drop-down and the machine
// reads back, so each is both Catalan text and an identifier. Defined here once; the
// validation lists, the formulas, the sweep and the emails all take them from here, so a
// translation changes this file (and i18n/) and nothing else.
import { ca } from '../i18n/ca';

/** The values of the *Decisió* column. */
export const DECISION = {
  pending: 'Pendent',
  accepted: 'Acceptada',
  waiting: 'Llista d’espera',
  refused: 'Denegada',
  redirected: 'Derivada',
} as const;

export type Decision = (typeof DECISION)[keyof typeof DECISION];
export const DECISIONS: readonly Decision[] = Object.values(DECISION);

/** The decisions that are sent to the municipality: all but "pending". */
export const FINAL_DECISIONS = [DECISION.accepted, DECISION.waiting, DECISION.refused, DECISION.redirected] as const;
export type FinalDecision = (typeof FINAL_DECISIONS)[number];

/**
 * The services pools are kept for: the form's own labels, so a requested service names its
 * pool (the *Bosses d’hores* tab may add others, e.g. CCPR).
 */
export const SERVICE = {
  mentoring: ca.choices.serviceType.mentoring,
  advisory: ca.choices.serviceType.advisory,
} as const;

/** The form's "either" answer: not a service, so the Commission must choose one. */
export const EITHER_SERVICE = ca.choices.serviceType.either;

/** The bases' package when a call's row leaves it blank: 4 hours, in sessions of 2. */
export const DEFAULT_PACKAGE_HOURS = 4;
export const DEFAULT_SESSION_HOURS = 2;
