// `.local/functions.env`: the environment the local stack's functions run with, one
// KEY=value a line, so another instance of a function can be started against the running
// stack as a separate process (`node --env-file=.local/functions.env …`; see the README).
import { writeFileSync } from 'node:fs';

/** Variables the functions read that a developer may set in the shell for the whole stack. */
export const PASSED_THROUGH = ['LOG_LEVEL', 'LEASE_SECONDS', 'LEASE_WAIT_SECONDS'] as const;

const PLAIN = /^[\w@%+=:,./-]*$/;

/** Node's --env-file syntax: plain values as they are, anything else single-quoted (taken literally). */
export function functionsEnvText(env: Readonly<Record<string, string>>): string {
  return Object.entries(env)
    .map(([k, v]) => {
      if (/[\n\r']/.test(v)) throw new Error(`${k}: a value with a newline or a quote cannot go in an env file`);
      return `${k}=${PLAIN.test(v) ? v : `'${v}'`}`;
    })
    .join('\n')
    .concat('\n');
}

export function writeFunctionsEnv(file: string, env: Readonly<Record<string, string>>): void {
  writeFileSync(file, `# Written by npm start: the functions' environment against this stack.\n${functionsEnvText(env)}`);
}
