// Catalan text of the retention command (`npm run retention`) and of its digest reminder.
import { fromDate } from './ca-grammar';

export const caRetention = {
  /** What an anonymised cell says: that a value was there and was removed on purpose. */
  marker: '[dada anonimitzada]',
  usage: 'Ús: npm run retention -- --call <ID de la convocatòria> [--dry-run] [--spreadsheet <ID>]',
  needSpreadsheet: 'Cal indicar el full: --spreadsheet <ID> (o SPREADSHEET_ID).',
  unknownCall: (id: string) => `No hi ha cap convocatòria «${id}» a la pestanya Convocatòries.`,
  heading: (id: string, title: string, due: string) => `Convocatòria ${id} — ${title}. Data a partir de la qual es poden anonimitzar les dades: ${due}.`,
  notDue: (due: string) => `Encara no ha passat el termini de conservació: no s’anonimitza res abans del ${due}.`,
  change: (where: string, header: string, requestId: string, from: string, to: string) => `- ${where} («${header}», ${requestId || 'sense sol·licitud'}): «${from}» → «${to}»`,
  nothing: 'No hi ha cap dada personal per anonimitzar en aquesta convocatòria.',
  dryRun: (n: number) => `Simulació: s’anonimitzarien ${n} cel·les. No s’ha escrit res; executeu-ho sense --dry-run per fer-ho.`,
  done: (n: number, rows: number) => `Fet: ${n} cel·les anonimitzades en ${rows} files. S’ha anotat al Registre.`,
  moved: (where: string[]) =>
    `Alerta: mentre s’escrivia, alguna fila s’ha mogut (algú ordenava o inseria files). Reviseu aquestes cel·les: ${where.join(', ')}.`,
  left: (n: number) => `Després d’escriure encara queden ${n} cel·les amb dades personals: torneu a executar l’ordre.`,
  logDetail: (n: number, rows: number) => `${n} cel·les de ${rows} files`,
  digest: (callPhrase: string, due: string) =>
    `Des ${fromDate(due)} ha passat el termini de conservació de les dades personals de ${callPhrase}: anonimitzeu-les amb npm run retention (primer amb --dry-run).`,
} as const;
