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

/** Where the network publishes the bases of its mentoring and advisory calls. */
const BASES = 'https://xmess.cat/mentories/';

export const SEED_CALLS: Row<typeof CALL_HEADERS>[] = [
  ['2020-04', 'Convocatòria d’abril de 2020', '2020-04-01', '2020-05-08', '2020-05-01', '2020-07-31', '2019-04-01', 'Resposta a la crisi de la COVID-19 i les seves conseqüències', 4, 2, DEFAULT_TOPICS, BASES],
  ['2020-09', 'Convocatòria de setembre de 2020', '2020-09-01', '2020-09-30', '2020-09-01', '2020-12-31', '2019-04-01', 'Resposta a la crisi de la COVID-19 i les seves conseqüències', 4, 2, DEFAULT_TOPICS, BASES],
  ['2024-CCPR', 'Assessorament expert en CCPR 2024', '2024-01-01', '2024-12-31', '2024-01-01', '2024-12-31', '2023-01-01', 'Compra i Contractació Pública Responsable', 4, 2, DEFAULT_TOPICS, BASES],
];

export const SEED_POOLS: Row<typeof POOL_HEADERS>[] = [
  ['2020-04', SERVICE.mentoring, 8],
  ['2020-04', SERVICE.advisory, 28],
  ['2020-09', SERVICE.mentoring, 12],
  ['2020-09', SERVICE.advisory, 32],
  ['2024-CCPR', 'CCPR', 50],
];
