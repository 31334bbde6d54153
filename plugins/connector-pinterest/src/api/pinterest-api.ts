import {
  isWriteOperation,
  type ConnectorContext,
  type ConnectorOperation,
  type z,
} from '@chorus/connector-sdk';
import {
  mapPinterestError,
  summariseUnreadable,
  unreadableSuccess,
  type ErrorContext,
  type PinterestErrorBody,
} from './map-error.js';

export interface PinterestRequest {
  readonly operation: ConnectorOperation;
  /** The rate-limit endpoint name (also shown in errors). */
  readonly endpoint: string;
  readonly method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** A path under the API host, or an absolute URL (the presigned upload URL). */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | undefined>>;
  readonly json?: unknown;
  readonly form?: FormData | URLSearchParams;
  readonly token?: string;
  /** HTTP Basic client authentication of the token endpoint. */
  readonly basic?: { readonly user: string; readonly password: string };
  /**
   * Whether the request may have changed something that matters if repeated; defaults to the operation's kind.
   * Steps of a publish before the pin exists (media registration, upload) are not: repeating them is safe.
   */
  readonly write?: boolean;
  /** Statuses the caller handles itself: answered as `{ status }` without a body check. */
  readonly accept?: readonly number[];
}

export type PinterestResult<T> = { readonly status: number; readonly data: T };

/** Pinterest's HTTP API: requests through the host's client, answers checked against a schema, failures classified. */
export class PinterestApi {
  constructor(
    private readonly context: ConnectorContext,
    private readonly baseUrl: string,
  ) {}

  async call<T>(request: PinterestRequest, schema: z.ZodType<T>): Promise<T> {
    return (await this.exchange(request, schema)).data as T;
  }

  /** Like call, but also answers the statuses listed in `accept` (data is then undefined). */
  async exchange<T>(
    request: PinterestRequest,
    schema: z.ZodType<T>,
  ): Promise<PinterestResult<T | undefined>> {
    const url = new URL(request.path, this.baseUrl);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) {
        url.searchParams.set(key, value);
      }
    }
    const context: ErrorContext = {
      operation: request.operation,
      label: `${request.method ?? 'GET'} ${url.pathname}`,
      endpoint: request.endpoint,
      write: request.write ?? isWriteOperation(request.operation),
      token: request.basic !== undefined,
      now: this.context.clock.now(),
    };
    const response = await this.context.http.fetch(url, {
      method: request.method ?? 'GET',
      headers: headersOf(request),
      body: request.json === undefined ? request.form : JSON.stringify(request.json),
      endpoint: request.endpoint,
    });
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      // The connection closed before the whole body arrived. An error status still says what happened (a 429
      // created nothing); only an unreadable success leaves a write in doubt.
      if (!response.ok && !request.accept?.includes(response.status)) {
        throw mapPinterestError(response, undefined, '', context);
      }
      throw unreadableSuccess(context, 'a truncated body', cause);
    }
    if (request.accept?.includes(response.status)) {
      return { status: response.status, data: undefined };
    }
    if (!response.ok) {
      throw mapPinterestError(response, parseErrorBody(text), text, context);
    }
    let json: unknown;
    try {
      json = text === '' ? {} : JSON.parse(text);
    } catch (cause) {
      throw unreadableSuccess(context, summariseUnreadable(text), cause);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(body)').join(', ');
      throw unreadableSuccess(
        context,
        `JSON of an unexpected shape (missing or wrong: ${fields})`,
        parsed.error,
      );
    }
    return { status: response.status, data: parsed.data };
  }
}

function headersOf(request: PinterestRequest): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (request.token) {
    headers.authorization = `Bearer ${request.token}`;
  }
  if (request.basic) {
    const pair = `${request.basic.user}:${request.basic.password}`;
    headers.authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
  }
  if (request.json !== undefined) {
    headers['content-type'] = 'application/json';
  }
  return headers;
}

function parseErrorBody(text: string): PinterestErrorBody | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
