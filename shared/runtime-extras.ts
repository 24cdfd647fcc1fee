// Steps the sweep runs besides decisions, enabled by configuration: the Forms watch and
// the reconciliation of form responses (when FORM_ID is set).
import type { SweepState } from './sweep/state';

export async function sweepExtras(env: NodeJS.ProcessEnv): Promise<Array<(state: SweepState) => Promise<string[]>>> {
  const { formsSweepSteps } = await import('./runtime-forms');
  return formsSweepSteps(env);
}
