// The sweep's door to the evaluation form: its address (for the links it sends) and the
// answers not yet in the Avaluacions tab. One forms.get per process and one responses.list
// per sweep; the answers are few, so they are listed whole and deduplicated by response ID.
import { evaluationAnswer } from '../forms/evaluation-form';
import type { SweepState } from '../domain/workspace-state';
import type { Logger } from '../log';
import type { FormSource } from '../ports';
import { evaluationRows } from '../workspace/evaluations';
import type { CellValue } from '../workspace/request-row';

export interface EvaluationDoor {
  uri(): Promise<string>;
  rows(state: SweepState): Promise<CellValue[][]>;
}

export function createEvaluationDoor(source: Pick<FormSource, 'get' | 'listResponses'>, formId: string): EvaluationDoor {
  let uri: Promise<string> | undefined;
  return {
    uri: () =>
      (uri ??= source.get(formId).then((f) => {
        if (!f.responderUri) throw new Error(`evaluation form ${formId} has no responderUri`);
        return f.responderUri;
      })).catch((e: unknown) => {
        uri = undefined;
        throw e;
      }),
    rows: async (state) =>
      evaluationRows((await source.listResponses(formId)).map(evaluationAnswer), {
        responseIds: state.evaluationResponseIds ?? new Set(),
        requests: state.requests,
        calls: state.calls,
      }),
  };
}

/** The address and the new rows; a Forms outage costs this sweep its evaluations, nothing else. */
export async function evaluationStep(door: EvaluationDoor | undefined, state: SweepState, logger: Logger) {
  if (!door) return { uri: undefined, rows: [] };
  try {
    return { uri: await door.uri(), rows: await door.rows(state) };
  } catch (error) {
    logger.log('WARNING', 'sweep: evaluation form unavailable', { error });
    return { uri: undefined, rows: [] };
  }
}
