// Catalan text of the Commission's decision emails, the staff digest and the announcement
// of agreed advisories. Values are escaped by shared/emails/*.
import { fromDate, midSentence, toDate } from './ca-grammar';
import { GREETING } from './ca-mail';

export const caDecisions = {
  subject: {
    Acceptada: (ref: string) => `XMESS: la vostra sol·licitud ${ref} ha estat acceptada`,
    'Llista d’espera': (ref: string) => `XMESS: la vostra sol·licitud ${ref} és en llista d’espera`,
    Denegada: (ref: string) => `XMESS: resolució de la vostra sol·licitud ${ref}`,
    Derivada: (ref: string) => `XMESS: la vostra sol·licitud ${ref} s’ha derivat a un altre recurs`,
    correction: (ref: string) => `XMESS: correcció de la resolució de la sol·licitud ${ref}`,
  },
  greeting: GREETING,
  body: {
    Acceptada: (ref: string) =>
      `La Comissió Tècnica de la XMESS ha acceptat la vostra sol·licitud ${ref}. Aquests són els detalls del servei:`,
    'Llista d’espera': (ref: string) =>
      `La Comissió Tècnica de la XMESS ha valorat positivament la vostra sol·licitud ${ref}, però ara mateix les hores disponibles estan compromeses. Queda en llista d’espera: si s’alliberen hores, us escriurem.`,
    Denegada: (ref: string) =>
      `La Comissió Tècnica de la XMESS ha valorat la vostra sol·licitud ${ref} i, en aquesta convocatòria, no la pot atendre.`,
    Derivada: (ref: string) =>
      `La Comissió Tècnica de la XMESS considera que la vostra sol·licitud ${ref} es pot atendre millor amb un altre recurs.`,
  },
  correctionIntro: 'Aquest missatge corregeix la resolució que us vam enviar. Ha canviat:',
  fields: {
    call: 'Convocatòria',
    bases: 'Bases de la convocatòria',
    decision: 'Resolució',
    service: 'Servei',
    hours: 'Hores',
    window: 'Període de les sessions',
    adviser: 'Persona mentora o assessora',
    adviserContact: 'Contacte de la persona mentora o assessora',
    message: 'Missatge de la Comissió',
    redirectedTo: 'Recurs',
  },
  windowText: (from: string, to: string) => `${fromDate(from)} ${toDate(to)}`,
  commitmentsTitle: 'Recordeu els compromisos de les bases',
  commitments: [
    'Estar disponibles i comprometre-vos amb el servei durant les sessions acordades.',
    'Facilitar que les sessions esdevinguin bones pràctiques transferibles i preguntes freqüents (FAQ) per a tots els municipis membres.',
    'Fer arribar a la Comissió Tècnica tota la informació que us demani durant el servei.',
  ],
  closing: 'Per a qualsevol dubte, responeu aquest correu.',
  digest: {
    subject: (n: number) => `XMESS: ${n} ${n === 1 ? 'assumpte' : 'assumptes'} per revisar`,
    intro: 'La revisió automàtica ha trobat això, que necessita una persona:',
    late: (ref: string, name: string) => `Sol·licitud fora de termini: ${ref} (${name})`,
    nonMember: (ref: string, name: string) => `Sol·licitud d’un ens no membre: ${ref} (${name})`,
    rowGone: (ref: string) =>
      `La fila de ${ref} ja no és al full «Sol·licituds»: no s’ha tornat a crear ni s’ha enviat cap altre correu. Si s’ha esborrat per error, les dades són al Registre (entrada «rebuda») i, si venia del formulari, a les respostes del formulari`,
    clockSkew: (ref: string) =>
      `La data d’enviament que declara ${ref} difereix en més de 5 minuts de l’hora en què la vam rebre: la convocatòria i el termini s’han decidit per l’hora de recepció (vegeu el Registre)`,
    early: (ref: string, name: string) => `Sol·licitud enviada abans de l’obertura de la convocatòria: ${ref} (${name})`,
    chooseService: (ref: string) =>
      `No s’ha enviat l’acceptació de ${ref}: el municipi va demanar «qualsevol dels dos» serveis i cal triar-ne un a «Servei assignat»`,
    sessionOutside: (ref: string, date: string) =>
      `Sessió de ${ref} amb data ${date}, fora del període de sessions de la convocatòria: no es compta com a feta`,
    invalid: (id: string) => `Enviament no vàlid registrat: ${id} (vegeu el Registre)`,
    emailFailed: (what: 'confirmation' | 'decision' | 'announcement' | 'evaluation', ref: string, tries: number) =>
      `No s’ha pogut enviar ${{ confirmation: 'la confirmació', decision: 'la decisió', announcement: 'la difusió', evaluation: 'l’avaluació' }[what]} de ${ref} després de ${tries} intents; no es tornarà a provar`,
    cell: (header: string, row: number) => `«${header}» (fila ${row} de Sol·licituds)`,
    decisionHeld: (ref: string, cell: string, shown: string) =>
      `La decisió de ${ref} no s’ha enviat: la cel·la ${cell} mostra «${shown}». Corregiu-la (una sola adreça de correu, cap error de fórmula) i s’enviarà a la revisió següent`,
    decisionRefused: (ref: string, cell: string) =>
      `SendGrid ha rebutjat la decisió de ${ref} i no es tornarà a provar amb la mateixa adreça: reviseu la cel·la ${cell}; quan la corregiu, s’enviarà a la revisió següent`,
    confirmationRefused: (ref: string, cell: string) =>
      `SendGrid ha rebutjat la confirmació de ${ref} i no es tornarà a provar amb la mateixa adreça: reviseu la cel·la ${cell}`,
    evaluationRefused: (ref: string, cell: string) =>
      `SendGrid ha rebutjat l’avaluació de ${ref} i no es tornarà a provar amb la mateixa adreça: reviseu la cel·la ${cell}`,
    announcementRefused: (ref: string, where: string) =>
      `SendGrid ha rebutjat la difusió de ${ref} i no es tornarà a provar amb les mateixes adreces: reviseu la columna ${where}`,
    poolBlocked: (ref: string, pool: string, left: number) =>
      `No s’ha enviat l’acceptació de ${ref}: deixaria la bossa «${pool}» amb ${left} h`,
    noPool: (ref: string, pool: string) =>
      `No s’ha enviat l’acceptació de ${ref}: no hi ha cap bossa «${pool}» (ni de la convocatòria ni de l’any) a «Bosses d’hores»; afegiu-la o trieu un altre servei`,
    poolOver: (pool: string, left: number) => `Les hores assignades de la bossa «${pool}» superen les disponibles en ${Math.abs(left)} h`,
    waitingServable: (ref: string, pool: string, left: number) =>
      `${ref} és en llista d’espera i la bossa «${pool}» torna a tenir ${left} h lliures`,
    possibleDuplicate: (ref: string) => `Possible correu duplicat per a ${ref} (un enviament anterior no es va confirmar)`,
    extra: (text: string) => text,
  },
  announcement: {
    subject: (topic: string) => `XMESS: assessorament acordat sobre «${topic}». Us hi voleu sumar?`,
    body: (name: string, topic: string) =>
      `La Comissió Tècnica de la XMESS ha acordat un assessorament amb ${midSentence(name)} sobre «${topic}». Si el vostre ens hi té interès i s’hi vol sumar, responeu aquest correu.`,
  },
  notification: {
    sent: 'Enviada',
    pending: 'Pendent d’enviar',
  },
} as const;
