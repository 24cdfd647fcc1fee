// The one place that reads the process environment. Functions read their configuration
// through it (shared/runtime/config.ts); admin scripts read their few variables through it
// too, so a variable's name and meaning are found in one folder.

export type Env = Readonly<Record<string, string | undefined>>;

let override: Env | undefined;

/** The environment this process's functions run with: Cloud Run's, or the local stack's. */
export function runtimeEnv(): Env {
  return override ?? process.env;
}

/**
 * The local stack runs the functions inside its own process: it hands them their
 * environment here, before their first request, instead of writing `process.env`.
 * Variables from the shell (LOG_LEVEL, INTAKE_SECRET_PREVIOUS…) still pass through.
 */
export function useRuntimeEnv(env: Env): void {
  override = { ...process.env, ...env };
}

/** For admin scripts and the bench: the shell's environment as given. */
export function shellEnv(): Env {
  return process.env;
}

/** Variables set to a non-empty value, as the configuration schemas expect. */
export function present(env: Env): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
}
