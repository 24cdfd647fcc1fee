// The calls and pools the seed documents describe (bases of April 2020, the September
// 2020 call, the 2024 work plan's CCPR advisory). Setup writes them once into an empty
// tab; from then on they are the Commission's to edit.
import { SERVICE } from '../domain/vocabulary';
import { CALL_HEADERS, POOL_HEADERS } from './tabs';

export const DEFAULT_TOPICS = [
  'Comerç i ESS',
  'Energia',
  'Agroecologia',
  'Indústria i ESS',
  'Finançament',
  'Compra i Contractació Pública Responsable (CCPR)',
  'Habitatge Cooperatiu',
  'Cures',
].join('; ');

type Row<H extends readonly string[]> = { [K in keyof H]: string | number };

/** Where the network publishes the bases of its mentoring and advisory calls (the bases' own link). */
const BASES = 'https://xmess.cat/mentories/';

// Only what the seeds say. April 2020: deadline Friday 8 May inclusive, sessions May–July,
// recent members since April 2019, the COVID-19 response as priority; the bases give the
// month it opened, not the day (the 1st stands for it). September 2020: announced for
// September, sessions until December; its deadline, recent-member date and theme are not in
// the seeds and stay blank until the Commission fills them in (admin guide).
export const SEED_CALLS: Row<typeof CALL_HEADERS>[] = [
  ['2020-04', 'Convocatòria d’abril de 2020', '2020-04-01', '2020-05-08', '2020-05-01', '2020-07-31', '2019-04-01', 'Resposta a la crisi de la COVID-19 i les seves conseqüències', 4, 2, DEFAULT_TOPICS, BASES],
  ['2020-09', 'Convocatòria de setembre de 2020', '2020-09-01', '', '2020-09-01', '2020-12-31', '', '', 4, 2, DEFAULT_TOPICS, BASES],
];

/** The label of the 2024 plan's yearly pool: expert advisory on responsible public procurement. */
export const CCPR_SERVICE = 'Assessorament expert en CCPR';

// A pool's "Convocatòria" is a call's ID, or a year for a yearly pool that requests of any
// call (or of none) may draw on: the 2024 plan's 50 hours a year of expert CCPR advisory.
export const SEED_POOLS: Row<typeof POOL_HEADERS>[] = [
  ['2020-04', SERVICE.mentoring, 8],
  ['2020-04', SERVICE.advisory, 28],
  ['2020-09', SERVICE.mentoring, 12],
  ['2020-09', SERVICE.advisory, 32],
  ['2024', CCPR_SERVICE, 50],
];
