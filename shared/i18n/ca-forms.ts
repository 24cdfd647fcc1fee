// Catalan text of the Google Form door: the form's title and description (from the call
// and the bases), the commitment questions, the staff notice for an edited response,
// the watch notes for the sweep's digest and the form script's output.
/**
 * A long date after a preposition, with Catalan contraction and elision: "al 8 de maig",
 * "a l’1 de maig", "del 8 d’abril", "de l’11 d’abril", "el 8 de maig", "l’1 de maig".
 */
export function onDay(prep: '' | 'a' | 'de', day: string): string {
  const elided = /^(1|11) /.test(day);
  if (prep === 'a') return elided ? `a l’${day}` : `al ${day}`;
  if (prep === 'de') return elided ? `de l’${day}` : `del ${day}`;
  return elided ? `l’${day}` : `el ${day}`;
}

export const caForms = {
  form: {
    title: (callTitle: string) => `Sol·licitud de mentoria o assessorament especialitzat — ${callTitle}`,
    documentTitle: (callId: string) => `XMESS — sol·licituds de mentories i assessoraments (${callId})`,
    intro:
      'La XMESS ofereix als seus municipis membres mentories (persones d’un ajuntament amb experiència en una política d’economia social i solidària acompanyen un altre ens que la comença) i assessoraments especialitzats (sessions del servei d’assistència tècnica de la XMESS o de personal qualificat d’ajuntaments membres).',
    deadline: (day: string) => `Termini: fins ${onDay('a', day)} (inclòs), hora de Catalunya.`,
    sessions: (from: string, to: string) => `Les sessions es faran entre ${onDay('', from)} i ${onDay('', to)} (ambdós inclosos).`,
    pools: (list: string) => `Hores disponibles en aquesta convocatòria: ${list}.`,
    pool: (service: string, hours: number) => `${service}, ${hours.toLocaleString('ca-ES')} h`,
    packages: (hours: number, sessions: number, sessionHours: number) =>
      `Paquets orientatius de ${hours.toLocaleString('ca-ES')} hores per ens (${sessions.toLocaleString('ca-ES')} ${sessions === 1 ? 'sessió' : 'sessions'} de ${sessionHours.toLocaleString('ca-ES')} hores).`,
    conditionsTitle: 'Condicions de les bases:',
    bases: (url: string) => `Bases de la convocatòria: ${url}`,
    conditions: [
      'Només per als municipis membres de la XMESS (ajuntaments i consells comarcals). La participació és voluntària, gratuïta i autogestionada.',
      'El nombre de sessions, la durada, la modalitat (presencial o a distància) i el contingut s’acordaran entre les parts, segons les necessitats del municipi.',
      'El tipus de servei que indiqueu és orientatiu: la Comissió Tècnica decidirà el més adient per a cada petició.',
      'La Comissió Tècnica valorarà la necessitat i l’impacte previst a l’ESS del territori, la transferibilitat a altres municipis membres i l’alineació amb la missió de la XMESS.',
    ],
    priority: (theme: string) =>
      `Si hi ha més demanda que hores, tindran prioritat les sol·licituds amb un alt grau d’implicació, les que reflecteixin diversitat (de necessitats, territorial, de característiques dels municipis, de gènere i interseccionalitat), les que responguin a la temàtica prioritària${theme ? ` («${theme}»)` : ''} i les dels membres recents o amb poca trajectòria en polítiques d’ESS.`,
    recentMembers: (day: string) => `Es consideren membres recents els ens adherits des ${onDay('de', day)}.`,
    closing: 'En enviar el formulari rebreu un correu de confirmació amb la referència de la sol·licitud.',
    priorityThemeHelp: (theme: string) =>
      theme
        ? `La petició respon a la temàtica prioritària de la convocatòria: «${theme}»?`
        : 'La petició respon a la temàtica prioritària de la convocatòria?',
  },
  /** One required checkbox per commitment of the bases: title here, option = ca.commitments. */
  commitmentTitles: {
    availability: 'Compromís: disponibilitat',
    shareLearning: 'Compromís: bones pràctiques i preguntes freqüents',
    provideInformation: 'Compromís: informació a la Comissió Tècnica',
  },
  commitmentHelp: 'Cal acceptar els tres compromisos de les bases per presentar la sol·licitud.',
  /** Key used in a mapped body for an answer to a question the form definition does not know. */
  unknownQuestion: (questionId: string) => `pregunta ${questionId}`,
  editNotice: {
    subject: (n: number) =>
      n === 1
        ? 'XMESS: una sol·licitud del formulari s’ha modificat després d’enviar-la'
        : `XMESS: ${n} sol·licituds del formulari s’han modificat després d’enviar-les`,
    intro:
      'Aquestes respostes del formulari de Google s’han tornat a enviar amb canvis. La fila del full de la Comissió Tècnica no s’ha modificat: les respostes noves són al Registre (tipus «editada»). Reviseu-les i, si cal, actualitzeu la fila a mà.',
    line: (reference: string, municipality: string) => `${reference} — ${municipality}`,
    detail: (at: string) => `Modificada el ${at} (hora de Catalunya)`,
  },
  watch: {
    suspended: (reason: string) => `L’avís de respostes de Google Forms estava suspès (${reason}).`,
    reactivated: 'S’ha reactivat; la conciliació recupera les respostes que hagin arribat mentrestant.',
    stillSuspended:
      'No s’ha pogut reactivar: les respostes continuen arribant al full amb cada revisió automàtica, però amb retard. Cal que una persona administradora en revisi la causa.',
    reasons: {
      PROJECT_NOT_AUTHORIZED: 'el projecte no té permís per publicar al tema de Pub/Sub',
      NO_USER_ACCESS: 'el compte que va crear l’avís ja no té accés al formulari',
      OTHER_ERRORS: 'errors de lliurament',
    } as Record<string, string>,
    recreated: 'L’avís de respostes de Google Forms havia caducat i s’ha tornat a crear; la conciliació recupera les respostes que hagin arribat mentrestant.',
    failed: (what: string) =>
      `No s’ha pogut crear o renovar l’avís de respostes de Google Forms (${what}). Les respostes continuen arribant amb cada revisió automàtica, però amb retard.`,
    notPublished: (formId: string) =>
      `El formulari de Google (${formId}) no està publicat: amb la convocatòria oberta, els municipis no hi poden enviar sol·licituds. Una persona administradora l’ha de publicar: npm run form -- update --form ${formId}`,
    notAccepting: (formId: string) =>
      `El formulari de Google (${formId}) està publicat però no accepta respostes: amb la convocatòria oberta, els municipis no hi poden enviar sol·licituds. Una persona administradora l’ha de tornar a obrir: npm run form -- update --form ${formId}`,
    listRefused: (what: string) =>
      `Google Forms no deixa llegir les respostes del formulari (${what}): les sol·licituds enviades pel formulari no arriben al full ni reben confirmació. Cal que una persona administradora comprovi que el formulari existeix i que el compte de les funcions hi té accés.`,
    reconciled: (n: number) =>
      n === 1
        ? 'La conciliació amb Google Forms ha afegit 1 sol·licitud que no havia arribat per l’avís.'
        : `La conciliació amb Google Forms ha afegit ${n} sol·licituds que no havien arribat per l’avís.`,
  },
  script: {
    usage:
      'Ús: npm run form -- create|update|relay [--spreadsheet ID] [--form ID] [--call ID_CONVOCATÒRIA]\n' +
      '  create  crea el formulari de Google a partir de la definició i de la convocatòria, i el publica\n' +
      '  update  actualitza el formulari existent (--form o FORM_ID), en conserva els ID de pregunta i el deixa publicat\n' +
      '  relay   escriu l’script d’Apps Script del relé, amb el mapa del formulari (--form o FORM_ID)\n' +
      '  evaluation  crea (o, amb --form o EVALUATION_FORM_ID, actualitza) el formulari d’avaluació després del servei, i el publica',
    needSpreadsheet: 'Cal indicar el full: --spreadsheet <ID> (o SPREADSHEET_ID).',
    needForm: 'Cal indicar el formulari: --form <ID> (o FORM_ID).',
    noCall: 'El full no té cap convocatòria configurada a la pestanya «Convocatòries».',
    unknownCall: (id: string) => `No hi ha cap convocatòria amb l’ID «${id}».`,
    created: 'Formulari creat.',
    updated: 'Formulari actualitzat.',
    call: (id: string, title: string) => `Convocatòria: ${id} — ${title}`,
    formId: (id: string) => `ID del formulari (FORM_ID): ${id}`,
    url: (url: string) => `Adreça per respondre: ${url}`,
    ids: 'ID de pregunta desats (clau → ID):',
    removed: (ids: string[]) => `S’han esborrat preguntes que no són a la definició: ${ids.join(', ')}`,
    idsChanged: (keys: string[]) => `Google Forms no ha conservat l’ID de pregunta de: ${keys.join(', ')}`,
    editing:
      'Recordeu: a Configuració → Respostes, «Permet editar les respostes» ha d’estar desactivat (l’API de Forms no ho permet canviar).',
    publishing: {
      published: 'Publicació: el formulari no estava publicat o no acceptava respostes; ara està publicat i les accepta.',
      already: 'Publicació: el formulari ja estava publicat i acceptava respostes; no s’ha canviat.',
      legacy:
        'Publicació: és un formulari antic (sense configuració de publicació) i l’API no el pot publicar. Comproveu a l’editor de Google Forms que accepta respostes.',
    },
    publishState: (published: boolean, accepting: boolean) =>
      `Estat llegit de Google Forms: ${published ? 'publicat' : 'NO publicat'}, ${accepting ? 'accepta respostes' : 'NO accepta respostes'}.`,
    notOpen: 'Error: el formulari no ha quedat obert a les respostes. Torneu a executar l’ordre o publiqueu-lo a l’editor de Google Forms.',
    responders:
      'Qui pot respondre: a l’editor de Google Forms, «Publicat» → «Persones que responen» → «Qualsevol persona que tingui l’enllaç» (l’API de Forms no ho pot canviar; vegeu la guia d’administració).',
  },
} as const;
