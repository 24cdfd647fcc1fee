// Every word of the local page (npm start → http://127.0.0.1:8080/). The page's script
// receives `client` as JSON embedded in the HTML, so the browser code holds no Catalan;
// being JSON, its texts are plain strings with {placeholders}, not functions.

export const caPage = {
  title: 'XMESS — prova-ho en local',
  heading: 'XMESS — mentories i assessoraments',
  intro:
    'Entorn local, sense compte de Google: feu una sol·licitud com un municipi, feu de Comissió Tècnica al full de càlcul i llegiu el correu que surt.',
  views: { form: 'Formulari', sheet: 'Full de càlcul', mail: 'Correu' },
  actions: { sweep: 'Executa la revisió programada', reset: 'Reinicia la demostració' },
  noScript: 'Aquesta pàgina necessita JavaScript.',
  /** Answers of the local-only doors (/local/…) to a request that is not the page's own. */
  doors: {
    crossSite: 'Aquesta adreça local només accepta peticions de la mateixa pàgina local.',
    notJson: 'Aquesta adreça local només accepta JSON (Content-Type: application/json).',
    starting: 'L’entorn local encara s’està engegant.',
  },
  client: {
    loading: 'Carregant…',
    loadFailed: 'No s’ha pogut carregar: {what}.',
    lastSweepNever: 'Revisió programada: encara no s’ha executat des d’aquesta pàgina.',
    lastSweep: 'Darrera revisió programada:',
    // The sweep's answer (SweepResult), key by key; keys not listed are not shown.
    sweepSummary: {
      sent: 'correus de decisió enviats: {n}',
      failed: 'enviaments fallits: {n}',
      digest: 'resums al personal: {n}',
    },
    sweepFailed: 'La revisió programada ha fallat',
    sweeping: 'Executant la revisió programada…',
    resetConfirm: 'Es buidaran el full, el correu i les respostes i es tornaran a carregar les dades de demostració. Voleu continuar?',
    resetting: 'Reiniciant…',
    resetDone: 'Demostració reiniciada.',
    form: {
      callOpen: 'Convocatòria oberta:',
      callDeadline: 'Termini (inclòs):',
      callPriority: 'Temàtica prioritària:',
      callBases: 'Bases de la convocatòria',
      noCall: 'No hi ha cap convocatòria configurada al full.',
      callClosed: 'El termini d’aquesta convocatòria ja ha passat: la sol·licitud es registrarà fora de termini.',
      closed:
        'El formulari de Google no accepta respostes: no està publicat o s’ha tancat. Ara no s’hi pot enviar cap sol·licitud. Una persona administradora l’ha de publicar amb «npm run form -- update».',
      door: {
        intake: 'S’envia per la porta signada (POST /intake), com un formulari extern.',
        forms: 'S’envia com una resposta del formulari de Google (emulador de l’API de Forms).',
      },
      required: 'obligatori',
      choose: '— Trieu una opció —',
      submit: 'Envia la sol·licitud',
      sending: 'Enviant…',
      created: 'Sol·licitud registrada.',
      duplicate: 'Aquesta sol·licitud ja estava registrada.',
      reference: 'Referència:',
      flags: 'Avisos:',
      noFlags: 'cap',
      sentToForm: 'Resposta enviada al formulari. La sol·licitud apareixerà al full en uns segons.',
      responseId: 'Identificador de la resposta:',
      invalid: 'La sol·licitud té errors. Reviseu els camps indicats.',
      otherError: 'No s’ha pogut enviar',
      again: 'Ompliu una altra sol·licitud',
      flagNames: {
        late: 'fora de termini',
        non_member: 'no consta com a membre',
        repeated_in_call: 'repetida a la convocatòria',
      },
    },
    sheet: {
      refresh: 'Actualitza',
      tabs: 'Pestanyes del full',
      legendCommission: 'Columnes de la Comissió: es poden editar',
      legendMachine: 'Columnes del sistema i fórmules: només lectura',
      empty: 'Aquesta pestanya encara no té files.',
      saving: 'Desant…',
      saved: 'Desat',
      saveFailed: 'No s’ha pogut desar',
      outOfRange: 'El valor ha de ser un número entre {min} i {max}.',
      notInList: 'El valor ha de ser una de les opcions de la llista.',
      rowsShown: '{n} files',
      rowShown: '1 fila',
    },
    mail: {
      refresh: 'Actualitza',
      empty: 'Encara no s’ha enviat cap correu.',
      count: '{n} correus, el més recent primer.',
      countOne: '1 correu.',
      from: 'De',
      to: 'Per a',
      bcc: 'Còpia oculta',
      replyTo: 'Respon a',
      subject: 'Assumpte',
      received: 'Rebut',
      customArgs: 'Dades internes (custom_args)',
      html: 'Versió HTML',
      text: 'Versió de text',
    },
  },
} as const;

export type PageTexts = typeof caPage.client;
