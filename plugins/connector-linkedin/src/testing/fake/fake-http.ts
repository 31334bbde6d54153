import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LinkedinState, MemberRecord, TokenRecord } from './fake-state.js';
import type { FakeSettings } from './fake-settings.js';

export interface FakeRequest {
  readonly method: string;
  /** The path and query exactly as sent (URNs still encoded). */
  readonly rawUrl: string;
  readonly path: string;
  readonly url: URL;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
}

export interface RouteContext {
  readonly request: FakeRequest;
  readonly state: LinkedinState;
  readonly settings: FakeSettings;
  readonly now: number;
  /** Set for routes behind the Bearer gate. */
  readonly member: MemberRecord;
  readonly token: TokenRecord;
  readonly match: RegExpExecArray;
  send(status: number, body?: unknown, headers?: Record<string, string>): void;
  /** LinkedIn's error envelope (6.6). */
  fail(status: number, code: string, message: string, serviceErrorCode?: number): void;
  json(): Record<string, unknown> | null;
}

export interface Route {
  readonly method: string;
  readonly path: RegExp;
  /** The daily-quota bucket; absent for routes outside the versioned API (OAuth, uploads). */
  readonly endpoint?: string;
  /** Whether the route is under /rest and needs the version headers. */
  readonly versioned: boolean;
  readonly bearer: boolean;
  handle(context: RouteContext): void | Promise<void>;
}

export async function readRequest(incoming: IncomingMessage, base: string): Promise<FakeRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) {
    chunks.push(chunk as Buffer);
  }
  const rawUrl = incoming.url ?? '/';
  return {
    method: incoming.method ?? 'GET',
    rawUrl,
    path: rawUrl.split('?')[0]!,
    url: new URL(rawUrl, base),
    headers: incoming.headers,
    body: Buffer.concat(chunks),
  };
}

export function sender(response: ServerResponse) {
  return (status: number, body?: unknown, headers: Record<string, string> = {}) => {
    if (body === undefined) {
      response.writeHead(status, headers);
      response.end();
      return;
    }
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };
}

export function errorBody(status: number, code: string, message: string, serviceErrorCode?: number) {
  return { status, ...(serviceErrorCode === undefined ? {} : { serviceErrorCode }), code, message };
}

/** The 422 body LinkedIn gives for a repeated commentary, naming the post it repeats (6.6). */
export function duplicateBody(existing: string) {
  return {
    errorDetailType: 'com.linkedin.common.error.BadRequest',
    message: `ERROR :: /commentary :: Content is a duplicate of ${existing}`,
    errorDetails: {
      inputErrors: [{ description: 'Duplicate post is detected', input: {}, code: 'DUPLICATE_POST' }],
    },
    status: 422,
  };
}

export function inputError(field: string, description: string, code = 'INVALID_VALUE') {
  return {
    errorDetailType: 'com.linkedin.common.error.BadRequest',
    message: `ERROR :: ${field} :: ${description}`,
    errorDetails: { inputErrors: [{ description, input: { inputPath: { fieldPath: field } }, code }] },
    status: 422,
  };
}
