// A small hierarchy of errors, turned into answers in one place (functions/http-answer).

/** An outside service failed; `transient` says whether trying again may help. */
export class UpstreamError extends Error {
  constructor(
    readonly service: 'sheets' | 'sendgrid' | 'forms' | 'storage',
    readonly transient: boolean,
    options: { cause?: unknown; message?: string } = {},
  ) {
    super(options.message ?? `${service} failed`, { cause: options.cause });
    this.name = 'UpstreamError';
  }
}

export class ConfigError extends Error {
  constructor(readonly missing: string[], message?: string) {
    super(message ?? `Missing or invalid environment variables: ${missing.join(', ')}`);
    this.name = 'ConfigError';
  }
}

/** The workspace is not set up as the code expects (a tab or header is missing). */
export class WorkspaceError extends Error {
  override name = 'WorkspaceError';
}
