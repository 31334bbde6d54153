import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccessTokenRecord, UserRecord } from './x-fake-state.js';

export interface UploadedPart {
  readonly data: Buffer;
  readonly type: string;
}

/** One request as a route sees it. */
export interface Exchange {
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingMessage['headers'];
  readonly rawBody: Buffer;
  /** JSON, form or multipart fields (strings); files of a multipart body in `files`. */
  readonly body: Record<string, unknown>;
  readonly files: Record<string, UploadedPart>;
  /** The authenticated user, for routes that need a user token. */
  user?: UserRecord;
  token?: AccessTokenRecord;
  send(status: number, payload?: unknown, headers?: Record<string, string>): void;
}

export const PROBLEM = 'https://api.x.com/2/problems/';

/** X's problem-details error body. */
export function problem(
  exchange: Exchange,
  status: number,
  type: string,
  title: string,
  detail: string,
  headers: Record<string, string> = {},
): void {
  exchange.send(
    status,
    { title, detail, type: type === 'about:blank' ? type : `${PROBLEM}${type}`, status },
    headers,
  );
}

export function invalidRequest(exchange: Exchange, detail: string): void {
  problem(exchange, 400, 'invalid-request', 'Invalid Request', detail);
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
          files[key] = { data: Buffer.from(await value.arrayBuffer()), type: value.type };
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
    ...(payload === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
    ...headers,
  });
  response.end(text);
}

export const stringField = (body: Record<string, unknown>, key: string): string | undefined =>
  typeof body[key] === 'string' ? body[key] : undefined;
