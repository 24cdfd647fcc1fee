// A small hierarchy of errors, turned into answers in one place (functions/http-answer).

/**
 * An outside service failed; `transient` says whether trying again may help, `maybeDone`
 * that it may have done it anyway (the request went out and no answer came back).
 */
export class UpstreamError extends Error {
  readonly maybeDone: boolean;
  constructor(
    readonly service: 'sheets' | 'sendgrid' | 'forms' | 'storage',
    readonly transient: boolean,
    options: { cause?: unknown; message?: string; maybeDone?: boolean } = {},
  ) {
    super(options.message ?? `${service} failed`, { cause: options.cause });
    this.name = 'UpstreamError';
    this.maybeDone = options.maybeDone ?? false;
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
