// Catalan text of the emails. Placeholders are filled by shared/emails/*, which escape
// every value that came from a person or the sheet. The register is a public body's:
// formal, second person plural, no first names.
import { callPhrase, toDate } from './ca-grammar';

/** A formal, inclusive opening: an administration writes to an office, not to a friend. */
export const GREETING = 'Benvolguda, benvolgut,';
export const caMail = {
  /** The call's bases, in every email about a request (omitted when the call has no link). */
  bases: (url: string) => `Bases de la convocatòria: ${url}`,
  signature: 'Secretaria Tècnica de la XMESS — Xarxa de Municipis per l’Economia Social i Solidària',
  confirmation: {
    subject: (reference: string) => `XMESS: hem rebut la vostra sol·licitud ${reference}`,
    intro: (reference: string, callTitle: string) =>
      `Hem rebut la vostra sol·licitud de mentoria o assessorament especialitzat per a ${callPhrase(callTitle)}. La vostra referència és ${reference}: indiqueu-la en qualsevol comunicació.`,
    introNoCall: (reference: string) =>
      `Hem rebut la vostra sol·licitud de mentoria o assessorament especialitzat. La vostra referència és ${reference}: indiqueu-la en qualsevol comunicació.`,
    /** How a request that fits no open call is recorded (the sheet's call column holds the year). */
    noCallTitle: (year: string) => `sense convocatòria oberta (${year})`,
    summaryTitle: 'Resum del que ens heu enviat',
    nextTitle: 'Què passa ara',
    next: (deadline: string) =>
      `La Comissió Tècnica de la XMESS valorarà les sol·licituds rebudes fins ${toDate(deadline)} (inclòs) segons els criteris de les bases: necessitat i impacte previst, transferibilitat i alineació amb la XMESS. Us comunicarem la decisió per correu electrònic. El tipus de servei que heu indicat és orientatiu: la Comissió decidirà el més adient.`,
    nextNoDeadline:
      'La Comissió Tècnica de la XMESS valorarà la sol·licitud segons els criteris de les bases: necessitat i impacte previst, transferibilitat i alineació amb la XMESS. Us comunicarem la decisió per correu electrònic. El tipus de servei que heu indicat és orientatiu: la Comissió decidirà el més adient.',
    flags: {
      early: (callTitle: string, opens: string) =>
        `La sol·licitud ha arribat abans que s’obrís ${callPhrase(callTitle)} (${opens}). L’hem registrada en aquesta convocatòria i la Comissió Tècnica decidirà si la pot atendre.`,
      no_call: (yearlyPools: string) =>
        `Ara mateix no hi ha cap convocatòria oberta per al servei que demaneu. Hem registrat la sol·licitud igualment i la Comissió Tècnica la valorarà${
          yearlyPools ? `: aquest any la XMESS té bosses d’hores anuals que hi pot destinar (${yearlyPools})` : ''
        }. Us escriurem amb la decisió.`,
      late: (deadline: string) =>
        `La sol·licitud ha arribat després del termini (${deadline}). L’hem registrada i la Comissió Tècnica decidirà si la pot atendre.`,
      non_member: (name: string) =>
        `No hem trobat «${name}» a la llista de municipis membres de la XMESS. Les mentories i els assessoraments són exclusius per als membres; la Secretaria Tècnica es posarà en contacte amb vosaltres.`,
      repeated_in_call:
        'Ja teníem una altra sol·licitud del vostre ens en aquesta convocatòria. Hem registrat també aquesta; la Comissió Tècnica les valorarà conjuntament.',
    },
    notice: 'Aquest missatge s’ha enviat automàticament. Podeu respondre’l si heu de fer cap aclariment.',
  },
  staffNotice: {
    subject: (count: number, attention: number) =>
      `XMESS: ${count === 1 ? '1 sol·licitud nova' : `${count} sol·licituds noves`}${attention ? `, ${attention} per revisar` : ''}`,
    intro: 'S’han registrat aquests enviaments al full de la Comissió Tècnica:',
    newRequest: 'Sol·licitud nova',
    invalid: 'Enviament no vàlid (desat a la pestanya Registre, no a la de sol·licituds)',
    flags: {
      late: 'fora de termini',
      non_member: 'no membre',
      repeated_in_call: 'repetida a la convocatòria',
      early: 'abans de l’obertura',
      no_call: 'sense convocatòria oberta',
    },
  },
} as const;
