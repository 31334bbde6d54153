import type { ConnectorContext, ConnectorOperation, z } from '@chorus/connector-sdk';
import { mapXError, summariseUnreadable, unreadableSuccess, type XErrorBody } from './map-error.js';

export interface XRequest {
  readonly operation: ConnectorOperation;
  /** The rate-limit endpoint name of the manifest. */
  readonly endpoint: string;
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly query?: Readonly<Record<string, string | undefined>>;
  readonly json?: unknown;
  readonly form?: FormData | URLSearchParams;
  /** A user access token (OAuth 2 user context). */
  readonly token?: string;
  /** HTTP Basic client authentication for the token endpoints. */
  readonly basic?: { readonly user: string; readonly password: string };
  /** Statuses the caller handles itself: answered as `{ status }` without a body check. */
  readonly accept?: readonly number[];
}

export type XResult<T> = { readonly status: number; readonly data: T };

/** X's HTTP API: requests through the host's client, answers checked against a schema, failures classified. */
export class XApi {
  constructor(
    private readonly context: ConnectorContext,
    private readonly baseUrl: string,
  ) {}

  async call<T>(request: XRequest, schema: z.ZodType<T>): Promise<T> {
    const result = await this.exchange(request, schema);
    return result.data as T;
  }

  /** Like call, but also answers the statuses listed in `accept` (data is then undefined). */
  async exchange<T>(request: XRequest, schema: z.ZodType<T>): Promise<XResult<T | undefined>> {
    const url = new URL(request.path, this.baseUrl);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) {
        url.searchParams.set(key, value);
      }
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    if (request.token) {
      headers.authorization = `Bearer ${request.token}`;
    }
    if (request.basic) {
      const pair = `${encodeURIComponent(request.basic.user)}:${encodeURIComponent(request.basic.password)}`;
      headers.authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
    }
    let body: string | FormData | URLSearchParams | undefined = request.form;
    if (request.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(request.json);
    }
    const response = await this.context.http.fetch(url, {
      method: request.method ?? 'GET',
      headers,
      body,
      endpoint: request.endpoint,
    });
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      // The connection closed before the whole body arrived.
      throw unreadableSuccess(request.operation, request.endpoint, 'a truncated body', cause);
    }
    if (request.accept?.includes(response.status)) {
      return { status: response.status, data: undefined };
    }
    if (!response.ok) {
      throw mapXError(response, parseErrorBody(text), text, {
        operation: request.operation,
        endpoint: request.endpoint,
        now: this.context.clock.now(),
      });
    }
    let json: unknown;
    try {
      json = text === '' ? {} : JSON.parse(text);
    } catch (cause) {
      throw unreadableSuccess(request.operation, request.endpoint, summariseUnreadable(text), cause);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(body)').join(', ');
      throw unreadableSuccess(
        request.operation,
        request.endpoint,
        `JSON of an unexpected shape (missing or wrong: ${fields})`,
        parsed.error,
      );
    }
    return { status: response.status, data: parsed.data };
  }
}

function parseErrorBody(text: string): XErrorBody | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
  } catch {
    return undefined;
  }
}
