// The shape of a deployment step, as the plan (deploy-plan.ts, deploy-alerts.ts) writes it
// and the runner (gcloud-runner.ts) carries it out.
import type { SecretEnv } from './deploy-resources';

/** Values only known once an earlier command has answered; the runner fills them in. */
export type Ref = 'projectNumber' | 'sweepUrl' | 'formsTrigger' | 'formsSubscription' | `alertChannel${number}`;
export const ref = (name: Ref): string => `{{${name}}}`;

/** Arguments after `gcloud`; a secret's value comes from the environment on stdin, never argv. */
export interface Command {
  args: string[];
  stdinFromEnv?: SecretEnv;
}
export type Presence = { kind: 'exit0' } | { kind: 'output' } | { kind: 'binding'; role: string; member: string };
export type Step =
  | { kind: 'ensure'; title: string; check: Command; present: Presence; create: Command; update?: Command }
  | { kind: 'run'; title: string; command: Command }
  | { kind: 'capture'; title: string; name: Ref; command: Command }
  | { kind: 'require'; title: string; check: Command; present: Presence; failure: string };
