// The deployable functions, as the build and the deploy both know them: the name each
// registers with the Functions Framework (its entry point and its dist folder) and the
// file that registers it. Gen2 function names must be lower case, hence `deployName`.

export interface FunctionTarget {
  /** The name passed to functions.http/cloudEvent, and `--entry-point` when deploying. */
  target: 'intake' | 'sweep' | 'formResponses';
  /** The name of the deployed Cloud Function (and of its Cloud Run service). */
  deployName: string;
  entry: string;
}

export const FUNCTION_TARGETS: readonly FunctionTarget[] = [
  { target: 'intake', deployName: 'intake', entry: 'functions/intake.ts' },
  { target: 'sweep', deployName: 'sweep', entry: 'functions/sweep.ts' },
  { target: 'formResponses', deployName: 'form-responses', entry: 'functions/formResponses.ts' },
];

/** What a build must stay under, per function, counting every file it uploads. */
export const BUNDLE_GOAL_BYTES = 1.5 * 1024 * 1024;
