import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TokenRecord, UserRecord } from './fake-state.js';

export interface UploadedPart {
  readonly data: Buffer;
  readonly type: string;
  readonly name: string;
}

/** One request as a route sees it. */
export interface Exchange {
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingMessage['headers'];
  readonly rawBody: Buffer;
  /** JSON, form or multipart fields; files of a multipart body in `files`. */
  body: Record<string, unknown>;
  files: Record<string, UploadedPart>;
  /** The authenticated user, for routes behind the bearer gate. */
  user?: UserRecord;
  token?: TokenRecord;
  send(status: number, payload?: unknown, headers?: Record<string, string>): void;
  /** Any bytes: S3's XML, an HTML page. */
  sendRaw(status: number, contentType: string, body: string | Buffer): void;
}

/** Reddit's HTTP error body. */
export function httpError(exchange: Exchange, status: number, message: string): void {
  exchange.send(status, { message, error: status });
}

/** An `api_type=json` answer: HTTP 200 even for refusals, which are `[CODE, message, field]` triples. */
export function formErrors(exchange: Exchange, ...errors: [string, string, string][]): void {
  exchange.send(200, { json: { errors } });
}

export async function readRaw(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** JSON, URL-encoded and multipart bodies; a body that does not parse is reported, not thrown. */
export async function parseBody(
  raw: Buffer,
  contentType: string | undefined,
): Promise<{ body: Record<string, unknown>; files: Record<string, UploadedPart> } | { error: string }> {
  const type = (contentType ?? '').toLowerCase();
  if (raw.length === 0) {
    return { body: {}, files: {} };
  }
  try {
    if (type.startsWith('application/json')) {
      const parsed: unknown = JSON.parse(raw.toString('utf8'));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        return { error: 'The request body must be a JSON object.' };
      }
      return { body: parsed as Record<string, unknown>, files: {} };
    }
    if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
      const form = await new Response(raw, { headers: { 'content-type': contentType ?? '' } }).formData();
      const body: Record<string, unknown> = {};
      const files: Record<string, UploadedPart> = {};
      for (const [key, value] of form.entries()) {
        if (typeof value === 'string') {
          body[key] = value;
        } else {
          files[key] = { data: Buffer.from(await value.arrayBuffer()), type: value.type, name: value.name };
        }
      }
      return { body, files };
    }
  } catch {
    return { error: 'The request body could not be parsed.' };
  }
  return { error: `Unsupported content type ${type || '(none)'}.` };
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
    ...(payload === undefined ? {} : { 'content-type': 'application/json; charset=UTF-8' }),
    ...headers,
  });
  response.end(text);
}

export const field = (body: Record<string, unknown>, key: string): string | undefined =>
  typeof body[key] === 'string' ? body[key] : undefined;

/** A form boolean as Reddit reads it. */
export const flag = (body: Record<string, unknown>, key: string, fallback: boolean): boolean => {
  const value = body[key];
  if (typeof value === 'boolean') {
    return value;
  }
  return typeof value === 'string' ? value === 'true' || value === 'on' || value === '1' : fallback;
};
