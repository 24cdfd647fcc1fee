// Catalan text an admin reads from npm run deploy, in a terminal or the Google Cloud
// console: its checks, the plan's step titles, the gcloud runner's notes, the alerts it
// creates and the manual steps it prints.

/** One account or address per line, indented under the step that names them. */
const indented = (lines: readonly string[]) => lines.map((l) => `     ${l}`).join('\n');

export const caDeploy = {
  deploy: {
    missing: (flags: readonly string[]) => `Falten opcions: ${flags.join(', ')} (vegeu docs/admin-guide.md)`,
    notEmails: (list: readonly string[]) => `No són adreces de correu: ${list.join(', ')}`,
    previousVersion: '--intake-secret-previous és un número de versió',
    notBuilt: (bundle: string, name: string) => `Avís: no hi ha ${bundle} (npm run build): ${name} no es desplega.`,
    nothingBuilt: 'No hi ha cap funció construïda: executeu primer npm run build.',
    dryRun: 'Simulació: no s’executa cap ordre. Aquestes són les que s’executarien:',
    stopped: (reason: string) =>
      `El desplegament s’ha aturat: ${reason}\nEs pot tornar a executar: el que ja existeix no es torna a crear.`,
    done: (dryRun: boolean) => (dryRun ? 'Simulació acabada.' : 'Desplegament acabat.'),
  },
  /** Titles of the deploy plan's steps, printed as `# title` before their commands. */
  plan: {
    projectNumber: 'Número del projecte',
    apis: 'APIs',
    account: (id: string) => `Compte de servei ${id}`,
    secret: (secret: string) => `Secret ${secret}`,
    secretVersion: (secret: string, env: string) => `Nova versió de ${secret} (${env})`,
    secretEnabled: (secret: string) => `${secret} té alguna versió activa`,
    noSecretVersion: (secret: string, env: string) =>
      `el secret ${secret} no té cap versió activa: torneu-ho a executar amb ${env} a l’entorn`,
    readsSecret: (account: string, secret: string) => `${account} llegeix ${secret}`,
    leaseBucket: (bucket: string) => `Bucket del bloqueig d’escriptura ${bucket}`,
    usesLease: (account: string) => `${account} fa servir el bloqueig d’escriptura`,
    topic: (topic: string) => `Tema ${topic}`,
    formsPublisher: 'Google Forms hi pot publicar',
    deadTopic: (topic: string) => `Tema de cartes mortes ${topic}`,
    deadSubscription: 'Subscripció que conserva les cartes mortes',
    deadPublisher: 'Pub/Sub hi pot publicar les cartes mortes',
    function: (name: string) => `Funció ${name}`,
    intakeInvoker: (member: string) => `${member} pot cridar intake`,
    schedulerInvoker: 'Cloud Scheduler pot cridar sweep',
    sweepUrl: 'Adreça de sweep',
    schedulerJob: (job: string) => `Tasca programada ${job}`,
    eventarcInvoker: 'L’activador d’Eventarc pot cridar form-responses',
    formsTrigger: 'Activador de form-responses',
    triggerSubscription: 'Subscripció de l’activador',
    deadSubscriber: 'Pub/Sub en pot retirar les cartes mortes',
    deadLetterPolicy: 'Política de cartes mortes',
  },
  /** The gcloud runner's notes (after `#   `) and its reasons to stop. */
  runner: {
    cannotRun: (bin: string, reason: string) => `no s’ha pogut executar ${bin}: ${reason}`,
    unknownValue: (name: string) => `${name} encara no es coneix`,
    stdin: (env: string) => `entrada estàndard: <from env> (${env})`,
    missingEnv: (env: string) => `falta ${env} a l’entorn`,
    failed: (code: number, command: string, stderr: string) => `ha fallat (codi ${code}): ${command}\n${stderr}`,
    noValue: (title: string) => `${title}: gcloud no ha retornat cap valor`,
    ifAbsent: 'si no hi és:',
    ifPresent: 'si ja hi és:',
    creating: 'no hi és: es crea',
    updating: 'ja hi és: s’actualitza',
    present: 'ja hi és',
    stopsIfNone: (failure: string) => `si no n’hi ha, s’atura: ${failure}`,
  },
  /**
   * Cloud Monitoring's channels and policies. Their display names are how the deploy finds
   * them again: changing one makes the next deploy create a second channel or policy.
   */
  alerts: {
    channelPrefix: 'XMESS — alertes a',
    channel: (email: string) => `Canal d’alertes ${email}`,
    channelName: (email: string) => `Nom del canal ${email}`,
    policy: (displayName: string) => `Alerta «${displayName}»`,
    errors: {
      name: 'XMESS — errors a les funcions',
      condition: 'Una funció ha registrat un error',
      documentation:
        'Una funció de la XMESS ha registrat un error. Llegiu-ne el registre: `gcloud functions logs read NOM --gen2` (vegeu la guia d’operació, «Què fer quan falla»).',
    },
    deadLetters: {
      name: 'XMESS — cartes mortes del formulari',
      condition: 'Hi ha avisos de resposta que no s’han pogut lliurar',
      documentation: (subscription: string) =>
        `Hi ha missatges a la subscripció ${subscription}: respostes del formulari que form-responses no ha pogut processar. La revisió programada les recupera; si no baixen, vegeu la guia d’operació.`,
    },
    sweepSilent: {
      name: 'XMESS — cap revisió programada correcta en una hora',
      condition: 'sweep no ha respost 2xx en 60 minuts',
      documentation:
        'La revisió programada (sweep) no ha acabat bé cap vegada en una hora: no s’envien decisions ni resums. Causes habituals: el full ja no és compartit amb xmess-sweep@…, un secret ha caducat o la tasca xmess-sweep està aturada.',
    },
  },
  /** What no gcloud command can do, printed after every deploy with the real addresses. */
  manual: {
    title: 'Passos manuals pendents:',
    shareSheet: (spreadsheetId: string, writers: readonly string[]) =>
      `Comparteix el full https://docs.google.com/spreadsheets/d/${spreadsheetId}/edit com a Editor amb:\n${indented(writers)}`,
    protect: (spreadsheetId: string, writers: readonly string[]) =>
      `Protegeix les columnes del sistema perquè només hi escriguin aquests comptes (es pot repetir; converteix els avisos en proteccions):\n` +
      `     npm run setup -- --spreadsheet=${spreadsheetId} ${writers.map((e) => `--writer=${e}`).join(' ')}`,
    shareForm: (formId: string, readers: readonly string[]) =>
      `Comparteix el formulari https://docs.google.com/forms/d/${formId}/edit com a Editor (per llegir-ne les respostes) amb:\n${indented(readers)}`,
    shareEvaluationForm: (formId: string, sweepAccount: string) =>
      `Comparteix el formulari d’avaluació https://docs.google.com/forms/d/${formId}/edit com a Editor (per llegir-ne les respostes) amb:\n     ${sweepAccount}`,
    noForm: 'Sense --form, la porta del Google Form queda aturada: crea’l (npm run form -- create) i torna a desplegar amb --form <ID>.',
    verifySender: (mailFrom: string) =>
      `Verifica a SendGrid el remitent ${mailFrom} (Single Sender Verification o autenticació del domini); si no, SendGrid respon 403 i no surt cap correu.`,
    watch: (job: string, region: string, project: string) =>
      `La vigilància (watch) del formulari la crea i la renova sweep, que ${job} crida cada 5 minuts. Per no esperar:\n` +
      `     gcloud scheduler jobs run ${job} --location=${region} --project=${project}`,
    publicIntake: 'intake és públic: només la signatura HMAC (INTAKE_SECRET) el protegeix. Comparteix el secret només amb els formularis signats.',
    privateIntake: (region: string, project: string) =>
      `intake és privat: qui el crida necessita un testimoni d’identitat de Google i el rol d’invocador (--intake-invoker serviceAccount:…).\n` +
      `     La seva adreça: gcloud functions describe intake --gen2 --region=${region} --project=${project} --format='value(serviceConfig.uri)'`,
  },
} as const;
