// Demo data for the local stack only: a handful of member town halls and a call that is
// open today, so a request made now is on time. Production workspaces start without it.
import { DateTime } from 'luxon';
import { ZONE } from '../shared/domain/dates';
import { SERVICE } from '../shared/domain/vocabulary';
import { DEFAULT_TOPICS } from '../shared/workspace/seed';
import { TABS } from '../shared/workspace/tabs';

export const LOCAL_SPREADSHEET_ID = 'local-workspace';
export const LOCAL_INTAKE_SECRET = 'local-intake-secret';
/** The lease bucket of the local stack's Cloud Storage emulator. */
export const LOCAL_LEASE_BUCKET = 'xmess-local-leases';

export const DEMO_MEMBERS: Array<Array<string | number | boolean>> = [
  ['Sant Cugat del Vallès', 'Ajuntament', 'Vallès Occidental', 'Barcelona', '50.000–100.000', '2017-05-17', true, ''],
  ['Barcelona', 'Ajuntament', 'Barcelonès', 'Barcelona', '> 100.000', '2017-05-17', true, ''],
  ['Santa Coloma de Gramenet', 'Ajuntament', 'Barcelonès', 'Barcelona', '> 100.000', '2017-05-17', true, ''],
  ['L’Hospitalet de Llobregat', 'Ajuntament', 'Barcelonès', 'Barcelona', '> 100.000', '2019-06-03', true, ''],
  ['Manresa', 'Ajuntament', 'Bages', 'Barcelona', '50.000–100.000', '2018-02-12', true, ''],
  ['La Garriga', 'Ajuntament', 'Vallès Oriental', 'Barcelona', '10.000–20.000', '2020-01-20', true, ''],
  ['Celrà', 'Ajuntament', 'Gironès', 'Girona', '< 10.000', '2019-09-16', true, ''],
  ['Vilafranca del Penedès', 'Ajuntament', 'Alt Penedès', 'Barcelona', '20.000–50.000', '2018-05-07', true, ''],
  ['Consell Comarcal de l’Alt Penedès', 'Consell Comarcal', 'Alt Penedès', 'Barcelona', '', '2018-10-01', true, ''],
  ['Consell Comarcal del Pallars Jussà', 'Consell Comarcal', 'Pallars Jussà', 'Lleida', '', '2021-03-01', true, ''],
];

export function demoSeed(today = DateTime.now().setZone(ZONE)): Record<string, Array<Array<string | number | boolean>>> {
  const day = (d: DateTime) => d.toISODate() ?? '';
  return {
    [TABS.members]: DEMO_MEMBERS,
    [TABS.calls]: [
      [
        'DEMO',
        'Convocatòria de demostració (oberta avui)',
        day(today.minus({ days: 30 })),
        day(today.plus({ days: 30 })),
        day(today.plus({ days: 31 })),
        day(today.plus({ days: 120 })),
        day(today.minus({ years: 1 })),
        'Transició ecosocial',
        4,
        2,
        DEFAULT_TOPICS,
        'https://xmess.cat/mentories/',
      ],
    ],
    [TABS.pools]: [
      ['DEMO', SERVICE.mentoring, 12],
      ['DEMO', SERVICE.advisory, 32],
    ],
  };
}
