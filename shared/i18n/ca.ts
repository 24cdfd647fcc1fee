// Every word a municipality, the Commission or staff read comes from this file, so a
// Spanish version is a translation of one object, not a hunt through the code.

export const ca = {
  fields: {
    submissionId: { label: 'Identificador de l’enviament', help: '' },
    submittedAt: { label: 'Data d’enviament', help: '' },
    municipality: {
      label: 'Ajuntament / Consell Comarcal',
      help: 'Nom de l’ens membre de la XMESS que fa la sol·licitud.',
    },
    contactName: { label: 'Persona de contacte', help: 'Nom i cognoms.' },
    contactRole: { label: 'Càrrec', help: 'Càrrec o lloc de treball a l’ens.' },
    contactEmail: { label: 'Correu electrònic', help: 'Hi enviarem la confirmació i la resolució.' },
    contactPhone: { label: 'Telèfon', help: 'Opcional.' },
    serviceType: {
      label: 'Tipus de suport',
      help: 'És orientatiu: la Comissió Tècnica decidirà el servei més adient per a cada petició.',
    },
    topic: { label: 'Àmbit temàtic', help: 'Àmbit principal de la petició.' },
    topicOther: { label: 'Altre àmbit', help: 'Si heu triat «Altres», indiqueu quin.' },
    need: {
      label: 'Necessitat',
      help: 'Quines necessitats específiques del territori vol atendre la petició?',
    },
    expectedImpact: {
      label: 'Impacte previst',
      help: 'Quin impacte preveieu en l’economia social i solidària del municipi?',
    },
    transferability: {
      label: 'Transferibilitat',
      help: 'Quins elements es podrien transferir o replicar a altres municipis membres?',
    },
    alignment: {
      label: 'Alineació amb la XMESS',
      help: 'Com s’alinea la petició amb la missió de la XMESS?',
    },
    priorityTheme: {
      label: 'Resposta a la prioritat de la convocatòria',
      help: 'La petició respon a la temàtica prioritària de la convocatòria (a l’abril de 2020, la resposta a la crisi de la COVID-19)?',
    },
    priorityThemeDetail: { label: 'Detall de la prioritat', help: 'Opcional: expliqueu-ho breument.' },
    trackRecord: {
      label: 'Trajectòria en polítiques d’ESS',
      help: 'Trajectòria i instruments de l’ens en polítiques d’economia social i solidària.',
    },
    modality: { label: 'Modalitat', help: 'Preferència de modalitat de les sessions.' },
    involvement: {
      label: 'Implicació a la XMESS',
      help: 'Opcional: grups de treball, comissions o activitats de la XMESS en què participeu.',
    },
    preferredDates: { label: 'Disponibilitat', help: 'Opcional: dies i franges que us anirien bé.' },
    commitments: { label: 'Compromisos', help: 'Cal acceptar els tres compromisos de les bases.' },
  },
  choices: {
    serviceType: { mentoring: 'Mentoria', advisory: 'Assessorament especialitzat', either: 'Qualsevol dels dos' },
    trackRecord: {
      starting: 'Inicial: comencem i tenim pocs instruments',
      developing: 'En desenvolupament',
      established: 'Consolidada',
    },
    modality: { in_person: 'Presencial', remote: 'A distància', either: 'Indiferent' },
    topicOther: 'Altres',
    yes: 'Sí',
    no: 'No',
  },
  commitments: {
    availability: 'Tenim disponibilitat i ens comprometem amb el servei.',
    shareLearning:
      'Acceptem que les sessions puguin esdevenir bones pràctiques transferibles i preguntes freqüents (FAQ) per a tots els municipis membres.',
    provideInformation: 'Farem arribar a la Comissió Tècnica tota la informació que ens demani durant el servei.',
  },
  errors: {
    required: (label: string) => `Cal omplir el camp «${label}».`,
    tooLong: (label: string, max: number) =>
      `El camp «${label}» no pot superar ${max.toLocaleString('ca-ES')} caràcters.`,
    singleLine: (label: string) => `El camp «${label}» ha de ser d’una sola línia.`,
    invalidType: (label: string) => `El camp «${label}» té un format que no és vàlid.`,
    invalidChoice: (label: string) => `El valor del camp «${label}» no és cap de les opcions possibles.`,
    invalidEmail: (label: string) => `El camp «${label}» ha de ser una adreça de correu vàlida.`,
    invalidDate: (label: string) =>
      `El camp «${label}» ha de ser una data i hora ISO 8601 amb zona horària (p. ex. 2020-05-08T10:00:00+02:00).`,
    invalidId: (label: string) =>
      `El camp «${label}» ha de tenir d’1 a 128 caràcters: lletres, xifres, «_» o «-».`,
    commitment: (text: string) => `Cal acceptar el compromís: «${text}»`,
    topicOtherMissing: 'Si l’àmbit és «Altres», cal indicar quin al camp «Altre àmbit».',
    unknownField: (key: string) => `El camp «${key}» no forma part del formulari.`,
    bodyNotObject: 'El cos de la petició ha de ser un objecte JSON.',
    notJson: 'El cos de la petició no és JSON vàlid.',
    unsupportedMediaType: 'El cos de la petició ha de ser JSON (Content-Type: application/json).',
    tooLarge: 'La petició supera la mida màxima de 256 KB.',
    lengthRequired: 'La petició ha d’indicar la mida del cos (capçalera Content-Length).',
    compressed: 'El cos de la petició no pot anar comprimit.',
    tooDeep: 'El cos de la petició té massa nivells d’imbricació o massa elements.',
    notFound: 'Aquesta adreça no correspon a cap servei.',
    badSignature: 'La signatura de la petició no és vàlida o ha caducat.',
    invalidSubmission: 'La sol·licitud té errors. Reviseu els camps indicats.',
    unavailable: 'Ara mateix no podem desar la sol·licitud. Torneu-ho a provar d’aquí a uns minuts.',
    internal: 'S’ha produït un error inesperat.',
    methodNotAllowed: 'Aquest servei només accepta peticions POST.',
  },
} as const;
