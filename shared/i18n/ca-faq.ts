// Catalan text of `npm run faq`: what was learned in the sessions, as a document for members.
import { callPhrase } from './ca-grammar';

export const caFaq = {
  title: 'Preguntes freqüents i bones pràctiques de les mentories i els assessoraments de la XMESS',
  call: (title: string) => `${title.charAt(0).toUpperCase()}${title.slice(1)}`,
  intro: (title: string) => `Recull de ${callPhrase(title)}, per àmbit temàtic, a partir de les sessions fetes.`,
  faq: 'Preguntes freqüents',
  practices: 'Bones pràctiques',
  noAnswer: '(sense resposta registrada)',
  nothing: 'Encara no hi ha cap pregunta freqüent ni bona pràctica registrada a la pestanya Sessions.',
  usage: 'Ús: npm run faq -- [--call <ID de la convocatòria>] [--spreadsheet <ID>]',
  unknownCall: (id: string) => `No hi ha cap convocatòria «${id}» a la pestanya Convocatòries.`,
  needSpreadsheet: 'Cal indicar el full: --spreadsheet <ID> (o SPREADSHEET_ID).',
} as const;
