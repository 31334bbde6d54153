import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChannelRecord, TokenRecord } from './youtube-fake-state.js';

/** One request as a route sees it. */
export interface Exchange {
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingMessage['headers'];
  readonly rawBody: Buffer;
  /** The bearer token's record and channel, for routes that need one. */
  token?: TokenRecord;
  channel?: ChannelRecord;
  send(status: number, payload?: unknown, headers?: Record<string, string>): void;
  /** A body that is not JSON (Atom, plain text, HTML). */
  sendText(status: number, text: string, contentType: string, headers?: Record<string, string>): void;
}

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  410: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

/** Google's error body (network-apis.md 8.5). */
export function googleError(
  exchange: Exchange,
  status: number,
  reason: string,
  message: string,
  domain = 'youtube.api',
  headers: Record<string, string> = {},
): void {
  exchange.send(
    status,
    {
      error: {
        code: status,
        message,
        errors: [{ message, domain, reason }],
        status: STATUS_NAMES[status] ?? 'UNKNOWN',
      },
    },
    headers,
  );
}

/** The token endpoint's error body. */
export function oauthError(exchange: Exchange, status: number, error: string, description: string): void {
  exchange.send(status, { error, error_description: description });
}

export async function readRaw(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** A JSON object body, or an error message. */
export function jsonBody(exchange: Exchange): Record<string, unknown> | string {
  if (exchange.rawBody.length === 0) {
    return 'The request body is empty; send the resource as JSON.';
  }
  try {
    const parsed: unknown = JSON.parse(exchange.rawBody.toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : 'The request body must be a JSON object.';
  } catch {
    return 'The request body is not valid JSON.';
  }
}

export function formBody(exchange: Exchange): URLSearchParams {
  return new URLSearchParams(exchange.rawBody.toString('utf8'));
}

export function writeBody(
  response: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string>,
): void {
  if (response.headersSent) {
    return;
  }
  response.writeHead(status, headers);
  response.end(body);
}

/** `obj.a.b` of a parsed body, when it is a string. */
export function stringAt(value: unknown, ...path: string[]): string | undefined {
  let current = value;
  for (const key of path) {
    current =
      typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[key] : undefined;
  }
  return typeof current === 'string' ? current : undefined;
}

export function valueAt(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    current =
      typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[key] : undefined;
  }
  return current;
}

/** Page tokens are offsets, opaque to clients. */
export function page<T>(items: readonly T[], url: URL, defaultSize: number, maxSize: number) {
  const size = Number(url.searchParams.get('maxResults') ?? defaultSize);
  const token = url.searchParams.get('pageToken');
  const offset = token ? Number(Buffer.from(token, 'base64url').toString('utf8').replace('offset:', '')) : 0;
  if (!Number.isInteger(size) || size < 1 || size > maxSize || !Number.isInteger(offset) || offset < 0) {
    return undefined;
  }
  const slice = items.slice(offset, offset + size);
  const next =
    offset + size < items.length ? Buffer.from(`offset:${offset + size}`).toString('base64url') : undefined;
  return { slice, next, total: items.length, size };
}
