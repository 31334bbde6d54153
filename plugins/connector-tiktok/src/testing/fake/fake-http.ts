import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomToken, type TokenRecord, type UserRecord } from './fake-state.js';

/** One request as a route sees it. */
export interface Exchange {
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingMessage['headers'];
  readonly rawBody: Buffer;
  /** A JSON object or a form's fields. */
  body: Record<string, unknown>;
  user?: UserRecord;
  token?: TokenRecord;
  accessToken?: string;
  send(status: number, payload?: unknown, headers?: Record<string, string>): void;
}

export const logId = () => `2026${Date.now()}${randomToken(6)}`;

/** The Content Posting / Display envelope of a success (network-apis.md 7.2). */
export function ok(exchange: Exchange, data: unknown, status = 200): void {
  exchange.send(status, { data, error: { code: 'ok', message: '', log_id: logId() } });
}

/** An envelope error: a string code and its HTTP status (7.6). */
export function fail(
  exchange: Exchange,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  exchange.send(status, { data: {}, error: { code, message, log_id: logId() } }, headers);
}

/** The flat OAuth error (7.1). */
export function oauthError(exchange: Exchange, status: number, error: string, description: string): void {
  exchange.send(status, { error, error_description: description, log_id: logId() });
}

export async function readRaw(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** JSON objects and URL-encoded forms; anything else is reported, not thrown. */
export function parseBody(
  raw: Buffer,
  contentType: string | undefined,
): { body: Record<string, unknown> } | { error: string } {
  const type = (contentType ?? '').toLowerCase();
  if (raw.length === 0) {
    return { body: {} };
  }
  if (type.startsWith('application/json')) {
    try {
      const parsed: unknown = JSON.parse(raw.toString('utf8'));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        return { error: 'The request body must be a JSON object.' };
      }
      return { body: parsed as Record<string, unknown> };
    } catch {
      return { error: 'The request body is not valid JSON.' };
    }
  }
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return { body: Object.fromEntries(new URLSearchParams(raw.toString('utf8'))) };
  }
  return { body: {} };
}

export function writeJson(
  response: ServerResponse,
  status: number,
  payload: unknown,
  headers: Record<string, string>,
): void {
  if (response.headersSent) {
    return;
  }
  const text = payload === undefined ? '' : JSON.stringify(payload);
  response.writeHead(status, {
    ...(payload === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
    ...headers,
  });
  response.end(text);
}

export const stringField = (body: Record<string, unknown>, key: string): string | undefined =>
  typeof body[key] === 'string' ? body[key] : undefined;

export const objectField = (body: Record<string, unknown>, key: string): Record<string, unknown> =>
  typeof body[key] === 'object' && body[key] !== null && !Array.isArray(body[key])
    ? (body[key] as Record<string, unknown>)
    : {};
