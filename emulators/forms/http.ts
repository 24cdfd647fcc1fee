// Wire helpers shared by the Forms emulator's handlers: Google-style error envelopes
// ({"error":{"code","message","status"}}) and JSON request/response plumbing.
import type { IncomingMessage, ServerResponse } from 'node:http';

export type GoogleStatus =
  | 'INVALID_ARGUMENT' | 'FAILED_PRECONDITION' | 'NOT_FOUND' | 'ALREADY_EXISTS'
  | 'RESOURCE_EXHAUSTED' | 'INTERNAL' | 'UNAVAILABLE';

const HTTP_CODE: Record<GoogleStatus, number> = {
  INVALID_ARGUMENT: 400,
  FAILED_PRECONDITION: 400,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  RESOURCE_EXHAUSTED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

/** Thrown by handlers; the router turns it into Google's error envelope. */
export class ApiError extends Error {
  readonly code: number;
  constructor(readonly status: GoogleStatus, message: string, readonly extra?: Record<string, unknown>) {
    super(message);
    this.code = HTTP_CODE[status];
  }
  body(): Record<string, unknown> {
    return { error: { code: this.code, message: this.message, status: this.status }, ...this.extra };
  }
}

export const invalid = (message: string) => new ApiError('INVALID_ARGUMENT', message);
export const notFound = (message = 'Requested entity was not found.') => new ApiError('NOT_FOUND', message);

const MAX_BODY_BYTES = 10 * 1024 * 1024;

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw invalid('Request payload size exceeds the limit.');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  // googleapis sends no body at all for GET/DELETE and "{}" for empty messages.
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalid(`Invalid JSON payload received. Unexpected token in: ${text.slice(0, 40)}`);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=UTF-8', 'Content-Length': Buffer.byteLength(payload) });
  res.end(payload);
}

export type Json = Record<string, unknown>;
export const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Google rejects unknown JSON field names with 400; doing the same catches typos early. */
export function checkKeys(v: Json, allowed: readonly string[], path: string): void {
  for (const k of Object.keys(v)) {
    if (!allowed.includes(k)) throw invalid(`Invalid JSON payload received. Unknown name "${k}" at '${path}': Cannot find field.`);
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
