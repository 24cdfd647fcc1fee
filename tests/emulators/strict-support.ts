// Support for the strict-emulator tables: raw JSON calls (the typed clients would not let a
// test write a misspelt field) and the generic "unknown field at every depth" variants.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';

export type Json = Record<string, unknown>;

export interface Answer {
  status: number;
  body: Json;
}

/** An in-process server on port 0 for an emulator's handle(); unknown paths answer 404. */
export async function serve(handle: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    void handle(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export async function call(base: string, method: string, path: string, body?: unknown): Promise<Answer> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Json) : {} };
}

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const snake = (s: string): string => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * For each object inside `value` down to `maxDepth` (objects in arrays included), a copy with
 * an extra `bogus` member there, and the snake_case path Google would name: `prefix` +
 * `.add_sheet.properties`, `[0]` for array elements.
 */
export function bogusVariants(value: Json, prefix: string, maxDepth = 3): Array<{ body: Json; at: string }> {
  const out: Array<{ body: Json; at: string }> = [];
  const walk = (path: Array<string | number>, v: unknown, depth: number): void => {
    if (!isObj(v) || depth > maxDepth) return;
    const copy = structuredClone(value);
    let here: unknown = copy;
    for (const seg of path) here = (here as Record<string | number, unknown>)[seg];
    (here as Json).bogus = true;
    const at = path.reduce<string>((acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : `${acc}.${snake(seg)}`), prefix);
    out.push({ body: copy, at });
    for (const [k, child] of Object.entries(v)) {
      if (Array.isArray(child)) child.slice(0, 1).forEach((el, i) => walk([...path, k, i], el, depth + 1));
      else walk([...path, k], child, depth + 1);
    }
  };
  walk([], value, 1);
  return out;
}

/** Google's 400: INVALID_ARGUMENT, the message naming the field path, a BadRequest detail for it. */
export function expectBadRequest(answer: Answer, field: string, message: RegExp): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(400);
  const error = answer.body.error as { code: number; status: string; message: string; details?: Array<{ '@type': string; fieldViolations: Array<{ field?: string; description: string }> }> };
  expect(error.code).toBe(400);
  expect(error.status).toBe('INVALID_ARGUMENT');
  expect(error.message).toMatch(message);
  const violations = error.details?.find((d) => d['@type'] === 'type.googleapis.com/google.rpc.BadRequest')?.fieldViolations ?? [];
  expect(violations.map((v) => v.field ?? '')).toContain(field);
}
