// The voice of a public body: every email the system sends, rendered from realistic data
// into one list the team reads (docs/texts.md, checked equal to what the code sends), and a
// check for each error a Catalan reader found in earlier versions.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { classifyBatch } from '../../shared/domain/classify';
import type { DecisionValues } from '../../shared/domain/decisions';
import { DECISION, FINAL_DECISIONS, SERVICE } from '../../shared/domain/vocabulary';
import type { RequestView } from '../../shared/domain/workspace-state';
import { parseSubmission, type Submission } from '../../shared/domain/schema';
import { confirmationEmail, confirmationFromRow } from '../../shared/emails/confirmation';
import { decisionEmail } from '../../shared/emails/decision';
import { announcementEmail, digestEmail } from '../../shared/emails/digest';
import { editNotice } from '../../shared/emails/edit-notice';
import { evaluationEmail } from '../../shared/emails/evaluation';
import { staffNotice } from '../../shared/emails/staff-notice';
import { caDecisions } from '../../shared/i18n/ca-decisions';
import { callPhrase, fromDate, midSentence, toDate } from '../../shared/i18n/ca-grammar';
import { caPage } from '../../shared/i18n/ca-page';
import { COMMISSION_COLUMNS } from '../../shared/workspace/commission-columns';
import { headerNotes } from '../../shared/i18n/ca-sheet';
import { caPrivacy } from '../../shared/i18n/ca-privacy';
import { formDescription } from '../../shared/forms/form-text';
import type { OutgoingEmail } from '../../shared/ports';
import { parseCalls } from '../../shared/workspace/config-rows';
import { SEED_CALLS } from '../../shared/workspace/seed';
import { validBody } from '../support/submissions';

const calls = parseCalls(SEED_CALLS);
const april = calls.find((c) => c.id === '2020-04')!;
const submission = (over: Record<string, unknown> = {}): Submission => {
  const r = parseSubmission(validBody(over));
  if (!r.ok) throw new Error('invalid test body');
  return r.value;
};
const arrival = (over: Record<string, unknown> = {}) => {
  const s = submission(over);
  return { submission: s, receivedAt: s.submittedAt };
};
const members = [{ name: 'La Garriga', type: 'Ajuntament' as const, county: 'Vallès Oriental', active: true }];
const [accepted] = classifyBatch([arrival({ municipality: 'La Garriga' })], { calls, members, existing: [] });
const [flagged] = classifyBatch([arrival({ submissionId: 'late-1', submittedAt: '2020-05-12T10:00:00+02:00', municipality: 'Ajuntament de Lilliput' })], { calls, members, existing: [] });
const view: RequestView = {
  id: 'resp-0001', reference: '2020-04-001', callId: '2020-04', municipality: 'La Garriga', contactName: 'Anna Puig', contactEmail: 'anna@example.cat',
  topic: 'Energia', requestedService: SERVICE.mentoring, late: false, member: true, decision: DECISION.accepted, service: SERVICE.mentoring, hours: 4,
  adviser: 'Joan Serra', adviserContact: 'joan@example.cat', message: 'Us escriurem per fixar la primera sessió.', redirectedTo: 'Servei de Promoció', announce: true, release: true,
};
const values = (decision: (typeof FINAL_DECISIONS)[number]): DecisionValues => ({
  decision, service: view.service, hours: 4, adviser: view.adviser, adviserContact: view.adviserContact, message: view.message, redirectedTo: view.redirectedTo,
});

const emails: Array<[string, OutgoingEmail | undefined]> = [
  ['confirmació', confirmationEmail(accepted!)],
  ['confirmació amb avisos', confirmationEmail(flagged!)],
  ['confirmació reenviada', confirmationFromRow(view, april)],
  ...FINAL_DECISIONS.map((d): [string, OutgoingEmail] => [`decisió: ${d}`, decisionEmail({ request: view, values: values(d), call: april, key: 'k' })]),
  ['correcció', decisionEmail({ request: view, values: { ...values(DECISION.accepted), hours: 8 }, previous: values(DECISION.accepted), call: april, key: 'k2' })],
  ['avís a l’equip (1)', staffNotice([accepted!], [], ['staff@xmess.cat'])],
  ['avís a l’equip (2)', staffNotice([accepted!, flagged!], [{ id: 'x', errors: { contactEmail: ['Correu no vàlid'] }, formErrors: [] }], ['staff@xmess.cat'])],
  ['resum a l’equip', digestEmail([caDecisions.digest.poolOver('2020-04 / Mentoria', -4)], ['staff@xmess.cat'])],
  ['difusió', announcementEmail({ municipality: 'La Garriga', topic: 'Energia', recipients: ['a@example.cat'], staff: ['staff@xmess.cat'], requestId: 'r' })],
  ['avaluació', evaluationEmail({ request: view, call: april, link: 'https://docs.google.com/forms/d/e/x/viewform?usp=pp_url&entry.1=2020-04-001' })],
  ['edicions', editNotice([{ reference: '2020-04-001', municipality: 'La Garriga', editedAt: '2020-05-04T10:00:00Z' }], ['staff@xmess.cat'])],
];

/** Every email and page string, one per line: what a reader reviews. */
const texts = [
  ...emails.flatMap(([name, e]) => [`## ${name}`, `Assumpte: ${e?.subject ?? '(cap)'}`, e?.text ?? '']),
  '## formulari de Google (descripció)',
  formDescription(april, []),
  '## pàgina local',
  ...JSON.stringify(caPage).split(/","|":"/),
].join('\n');

// The list the team reads and reviews: docs/texts.md, kept equal to what the code sends.
// `UPDATE_TEXTS=1 npx vitest run tests/unit/texts.test.ts` writes it after a change.
const LIST = 'docs/texts.md';
const listed = `# Els textos que llegeixen els municipis i l’equip\n\nGenerat per \`tests/unit/texts.test.ts\` a partir de dades d’exemple; no l’editeu a mà.\n\n${texts}\n`;

describe('the texts people read', () => {
  test('docs/texts.md lists them as they are sent', () => {
    if (process.env.UPDATE_TEXTS) writeFileSync(LIST, listed);
    expect(readFileSync(LIST, 'utf8')).toBe(listed);
  });

  test('every email renders', () => {
    for (const [name, e] of emails) expect(e, name).toBeDefined();
  });

  test.each([
    ['"del 1 de maig" (elision before 1 and 11)', /\bdel 1?1 de /],
    ['"al 1 de" (elision)', /\bal 1?1 de /],
    ['"1 de noves" (number agreement)', /\d+ de noves/],
    ['"sobrecomesa" (a calque)', /sobrecomes/],
    ['"la convocatòria «Convocatòria…»" (the word twice)', /convocatòria «Convocatòria/i],
    ['"amb La Garriga" (article capitalised mid-sentence)', /\b(amb|de|a|per) (La|El|Els|Les) /],
    ['"Hola, …" (too casual for an administration)', /\bHola\b/],
    ['"Registrat al Registre" (redundant)', /registrat al Registre/i],
    ['the call’s internal ID in the summary', /- Convocatòria: 2020-04\b/],
    ['"Omple" among "feu" (one register)', /\bOmple\b/],
    ['"Mentor/a" beside "persona mentora o assessora" (one term)', /Mentor\/a|assessor\/a/],
    ['"persona mentora" alone (one term: "persona mentora o assessora")', /persona mentora(?! o assessora)/],
  ])('no %s', (_, pattern) => {
    expect(texts).not.toMatch(pattern);
  });

  test('the form and every email to a municipality carry the data-protection notice; staff emails do not need it', () => {
    const toMunicipalities = emails.filter(([n]) => /^(confirmació|decisió|correcció|difusió|avaluació)/.test(n));
    expect(toMunicipalities.length).toBeGreaterThanOrEqual(FINAL_DECISIONS.length + 5);
    const notice = `${caPrivacy.title}\n${caPrivacy.labels.controller}: `;
    for (const [name, e] of toMunicipalities) {
      expect(e!.text, name).toContain(notice);
      expect(e!.html, name).toContain(`<strong>${caPrivacy.title}</strong>`);
      for (const label of Object.values(caPrivacy.labels)) expect(e!.text, `${name}: ${label}`).toContain(`\n${label}: `);
    }
    expect(formDescription(april, [])).toContain(notice);
  });

  test('the call’s title and the link to its bases in the form and every email about a request', () => {
    expect(april.basesUrl).toMatch(/^https:\/\//);
    const aboutRequest = emails.filter(([n]) => /^(confirmació|decisió|correcció|avaluació)/.test(n));
    for (const [name, e] of aboutRequest) {
      expect(e!.text, name).toContain(`Bases de la convocatòria: ${april.basesUrl}`);
      expect(e!.text, name).toMatch(/convocatòria d’abril de 2020|Convocatòria d’abril de 2020/);
      expect(e!.html, name).toContain(april.basesUrl);
    }
    expect(formDescription(april, [])).toContain(`Bases de la convocatòria: ${april.basesUrl}`);
    expect(parseCalls([['x', 't', '2020-01-01', '2020-01-31', '', '', '', '', 4, 2, '', 'javascript:alert(1)']])[0]!.basesUrl).toBeUndefined();
  });

  test('one term for the person who mentors or advises: the sheet’s headers are the emails’ words', () => {
    expect([COMMISSION_COLUMNS.adviser, COMMISSION_COLUMNS.adviserContact]).toEqual([caDecisions.fields.adviser, caDecisions.fields.adviserContact]);
    expect(Object.keys(headerNotes).filter((h) => /persona mentora|mentor\/a/i.test(h))).toEqual([COMMISSION_COLUMNS.adviser, COMMISSION_COLUMNS.adviserContact]);
    const acceptance = emails.find(([n]) => n === `decisió: ${DECISION.accepted}`)![1]!.text;
    expect(acceptance).toContain(`- ${COMMISSION_COLUMNS.adviser}: Joan Serra`);
  });

  test('the acceptance lists the three commitments of the bases, availability first', () => {
    const acceptance = emails.find(([n]) => n === `decisió: ${DECISION.accepted}`)![1]!.text;
    expect(acceptance).toMatch(/disponibles/);
    expect(caDecisions.commitments).toHaveLength(3);
  });

  test('the grammar helpers', () => {
    expect([fromDate('1 de maig de 2020'), toDate('11 de juliol de 2020'), fromDate('8 de maig de 2020'), toDate('31 de juliol de 2020')]).toEqual([
      'de l’1 de maig de 2020',
      'a l’11 de juliol de 2020',
      'del 8 de maig de 2020',
      'al 31 de juliol de 2020',
    ]);
    expect(['La Garriga', 'L’Hospitalet de Llobregat', 'El Vendrell', 'Manresa', 'Lleida'].map(midSentence)).toEqual([
      'la Garriga',
      'l’Hospitalet de Llobregat',
      'el Vendrell',
      'Manresa',
      'Lleida',
    ]);
    expect(callPhrase('Convocatòria d’abril de 2020')).toBe('la convocatòria d’abril de 2020');
    expect(callPhrase('Assessorament expert en CCPR 2024')).toBe('la convocatòria «Assessorament expert en CCPR 2024»');
  });
});
