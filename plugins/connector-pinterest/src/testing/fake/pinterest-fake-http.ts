import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TokenRecord, UserRecord } from './pinterest-fake-state.js';

/** One entry of a multipart body, in the order it was sent (the upload checks the file comes last). */
export interface FormEntry {
  readonly name: string;
  readonly value: string | { readonly size: number; readonly type: string };
}

/** One request as a route sees it. */
export interface Exchange {
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingMessage['headers'];
  readonly rawBody: Buffer;
  /** JSON or form fields. */
  readonly body: Record<string, unknown>;
  /** Multipart entries in order. */
  readonly entries: readonly FormEntry[];
  user?: UserRecord;
  token?: TokenRecord;
  send(status: number, payload?: unknown, headers?: Record<string, string>): void;
  sendText(status: number, contentType: string, text: string): void;
}

/** Pinterest's error body (9.5). The numeric codes are the fake's own; the connector never relies on them. */
export function fail(
  exchange: Exchange,
  status: number,
  message: string,
  headers: Record<string, string> = {},
) {
  exchange.send(status, { code: status, message }, headers);
}

export async function readRaw(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** JSON, URL-encoded and multipart bodies; one that does not parse is reported, not thrown. */
export async function parseBody(
  raw: Buffer,
  contentType: string | undefined,
): Promise<{ body: Record<string, unknown>; entries: FormEntry[] } | { error: string }> {
  const type = (contentType ?? '').toLowerCase();
  if (raw.length === 0) {
    return { body: {}, entries: [] };
  }
  try {
    if (type.startsWith('application/json')) {
      const parsed: unknown = JSON.parse(raw.toString('utf8'));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        return { error: 'The request body must be a JSON object.' };
      }
      return { body: parsed as Record<string, unknown>, entries: [] };
    }
    if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
      const form = await new Response(raw, { headers: { 'content-type': contentType ?? '' } }).formData();
      const body: Record<string, unknown> = {};
      const entries: FormEntry[] = [];
      for (const [name, value] of form.entries()) {
        if (typeof value === 'string') {
          body[name] = value;
          entries.push({ name, value });
        } else {
          entries.push({ name, value: { size: value.size, type: value.type } });
        }
      }
      return { body, entries };
    }
  } catch {
    return { error: 'The request body could not be parsed.' };
  }
  return { error: `Unsupported content type ${type || '(none)'}.` };
}

export function writeBody(
  response: ServerResponse,
  status: number,
  contentType: string | undefined,
  text: string,
  headers: Record<string, string>,
): void {
  if (response.headersSent) {
    return;
  }
  response.writeHead(status, { ...(contentType ? { 'content-type': contentType } : {}), ...headers });
  response.end(text);
}

export const stringField = (body: Record<string, unknown>, key: string): string | undefined =>
  typeof body[key] === 'string' ? body[key] : undefined;

/** Length as Pinterest's JSON Schema maxLength counts it: code points. */
export const codePoints = (text: string) => [...text].length;
