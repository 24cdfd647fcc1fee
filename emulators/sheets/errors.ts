// Google-style API errors. The production client (gaxios) surfaces `error.code`, `error.status`
// and `error.message` from this exact JSON shape, and retry logic in callers keys off the HTTP
// status, so both must match what sheets.googleapis.com sends.
import type { ServerResponse } from 'node:http';

export type ErrorStatus =
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'RESOURCE_EXHAUSTED'
  | 'INTERNAL'
  | 'UNAVAILABLE'
  | 'PERMISSION_DENIED'
  | 'FAILED_PRECONDITION';

const HTTP_CODE: Record<ErrorStatus, number> = {
  INVALID_ARGUMENT: 400,
  FAILED_PRECONDITION: 400,
  PERMISSION_DENIED: 403,
  NOT_FOUND: 404,
  RESOURCE_EXHAUSTED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

export class ApiError extends Error {
  readonly code: number;
  constructor(
    readonly status: ErrorStatus,
    message: string,
    readonly details?: unknown[],
  ) {
    super(message);
    this.code = HTTP_CODE[status];
  }

  body(): { error: { code: number; message: string; status: ErrorStatus; details?: unknown[] } } {
    const error: { code: number; message: string; status: ErrorStatus; details?: unknown[] } = {
      code: this.code,
      message: this.message,
      status: this.status,
    };
    if (this.details) error.details = this.details;
    return { error };
  }
}

export const invalid = (message: string): ApiError => new ApiError('INVALID_ARGUMENT', message);
export const notFound = (): ApiError => new ApiError('NOT_FOUND', 'Requested entity was not found.');
export const badRange = (text: string): ApiError => invalid(`Unable to parse range: ${text}`);

/** The write-quota answer, shaped like Google's (message plus an ErrorInfo detail). */
export function quotaExceeded(): ApiError {
  return new ApiError(
    'RESOURCE_EXHAUSTED',
    "Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user' " +
      "of service 'sheets.googleapis.com' for consumer 'project_number:0'.",
    [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'RATE_LIMIT_EXCEEDED',
        domain: 'googleapis.com',
        metadata: {
          quota_metric: 'sheets.googleapis.com/write_requests',
          quota_limit: 'WriteRequestsPerMinutePerUser',
          service: 'sheets.googleapis.com',
          consumer: 'projects/0',
        },
      },
    ],
  );
}

export const internalError = (): ApiError =>
  new ApiError('INTERNAL', 'Internal error encountered.');
export const unavailable = (): ApiError =>
  new ApiError('UNAVAILABLE', 'The service is currently unavailable.');

export function sendJson(res: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(code, {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendError(res: ServerResponse, err: ApiError): void {
  sendJson(res, err.code, err.body());
}
