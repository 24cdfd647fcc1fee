// Catalan text of the evaluation after the service: its Google Form, the email that asks
// for it, and the Avaluacions tab's words.
import type { EvaluationKey, ScaleValue } from '../domain/evaluation';

export const caEvaluation = {
  form: {
    title: 'Avaluació de la mentoria o l’assessorament de la XMESS',
    documentTitle: 'XMESS — avaluació de mentories i assessoraments',
    description:
      'Un cop acabat el servei, la Comissió Tècnica us demana una valoració breu, amb els indicadors del pla de treball de la XMESS: la utilitat i l’impacte (poc, suficient o molt), i què compartireu amb els altres municipis membres, tal com preveuen les bases.',
  },
  questions: {
    reference: { title: 'Referència de la sol·licitud', help: 'La trobareu al correu (p. ex. 2020-04-001); l’enllaç del correu ja l’omple.' },
    usefulness: { title: 'Utilitat', help: 'El servei ha estat útil per al vostre ens? Ha respost a l’expectativa?' },
    impact: { title: 'Impacte', help: 'Quin impacte ha tingut o tindrà en la vostra política d’economia social i solidària?' },
    share: { title: 'Què compartireu amb els altres municipis', help: 'Materials, aprenentatges o bones pràctiques que podeu posar a disposició de la xarxa.' },
    comments: { title: 'Comentaris', help: 'Opcional.' },
  } satisfies Record<EvaluationKey, { title: string; help: string }>,
  scale: { poc: 'Poc', suficient: 'Suficient', molt: 'Molt' } satisfies Record<ScaleValue, string>,
  email: {
    subject: (ref: string) => `XMESS: com ha anat el servei de la sol·licitud ${ref}?`,
    body: (ref: string, callPhrase: string) =>
      `El servei de mentoria o assessorament de la vostra sol·licitud ${ref}, de ${callPhrase}, ha acabat. Us demanem cinc minuts per valorar-ne la utilitat i l’impacte i dir-nos què compartireu amb els altres municipis membres: la Comissió Tècnica en té en compte les respostes per millorar el servei i en publica les xifres.`,
    link: 'Formulari d’avaluació:',
  },
  script: {
    created: 'Formulari d’avaluació creat.',
    updated: 'Formulari d’avaluació actualitzat.',
    formId: (id: string) => `ID del formulari d’avaluació (EVALUATION_FORM_ID): ${id}`,
  },
} as const;
