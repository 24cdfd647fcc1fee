// The people in a soak: town halls that submit (a few late, a few not members) and retry
// a 503 as the contract says; the Commission deciding every request within the pools;
// anyone whose edit did not save clicking again.
import type { TestStack } from './stack';
import { validBody } from './submissions';

const MEMBERS = ['Manresa', 'Celrà', 'Barcelona', 'La Garriga', 'Sant Cugat del Vallès', 'Vilafranca del Penedès', 'Santa Coloma de Gramenet'];

export const soakId = (i: number) => `soak-${i}`;

export const soakBody = (i: number) =>
  validBody({
    submissionId: soakId(i),
    contactEmail: `soak-${i}@example.cat`,
    // a few non-members and a few whose clock is off, so the digest has something to say
    municipality: i % 23 === 0 ? 'Ajuntament de Mataró' : MEMBERS[i % MEMBERS.length],
    submittedAt: i % 17 === 0 ? '2020-05-09T09:00:00+02:00' : '2020-05-04T10:00:00+02:00',
  });

/** The April 2020 pools hold 2 mentoring and 7 advisory packages: accept exactly those. */
export function soakDecision(i: number): Record<string, unknown> {
  if (i < 2) return { Decisió: 'Acceptada', 'Servei assignat': 'Mentoria', 'Persona mentora o assessora': 'Ajuntament de Celrà', 'Enviar decisió': true };
  if (i < 9) return { Decisió: 'Acceptada', 'Servei assignat': 'Assessorament especialitzat', 'Enviar decisió': true };
  const kind = ['Denegada', 'Derivada', 'Llista d’espera'][i % 3]!;
  return { Decisió: kind, ...(kind === 'Derivada' ? { 'Derivada a': 'Banc de recursos de CCPR' } : { 'Missatge al municipi': `Gràcies, ${i}.` }), 'Enviar decisió': true };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface CallerOutcome {
  status: number;
  reference?: string;
  tries: number;
}

/** A caller that follows the contract: 503 means try again (here sooner than Retry-After). */
export async function submitUntilAnswered(stack: TestStack, body: Record<string, unknown>): Promise<CallerOutcome> {
  for (let tries = 1; ; tries++) {
    const res = await stack.post(body);
    const answer = (await res.json()) as { reference?: string };
    if (res.status !== 503 || tries === 10) return { status: res.status, reference: answer.reference, tries };
    await pause(100 * tries);
  }
}

/** A person whose edit did not save clicks again. */
export async function persist(fn: () => Promise<unknown>): Promise<void> {
  for (let tries = 1; ; tries++) {
    try {
      return void (await fn());
    } catch (e) {
      if (tries === 10) throw e;
    }
  }
}
