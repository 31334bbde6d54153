import type { ConnectorContext, ConnectorOperation, z } from '@chorus/connector-sdk';
import { mapTikTokError, summariseUnreadable, unreadableSuccess, type TikTokFailure } from './map-error.js';
import { envelopeError } from './tiktok-schemas.js';

export interface TikTokRequest {
  readonly operation: ConnectorOperation;
  /** The rate-limit endpoint name of the manifest. */
  readonly endpoint: string;
  readonly method?: 'GET' | 'POST';
  readonly path: string;
  readonly query?: Readonly<Record<string, string | undefined>>;
  readonly json?: unknown;
  readonly form?: URLSearchParams;
  readonly token?: string;
}

/**
 * TikTok's HTTP API through the host's client. `call` reads the `{data, error}` envelope of the Content Posting
 * and Display APIs (network-apis.md 7.2); `oauth` reads the flat OAuth answers (7.1). Both check the answer
 * against a schema and classify every failure, unreadable answers included.
 */
export class TikTokApi {
  constructor(
    private readonly context: ConnectorContext,
    private readonly baseUrl: string,
  ) {}

  async call<T>(request: TikTokRequest, data: z.ZodType<T>): Promise<T> {
    const { status, json, headers } = await this.send(request);
    const body = asObject(json);
    const error = envelopeError.safeParse(body?.error);
    if (status >= 200 && status < 300 && error.success && error.data.code === 'ok') {
      const parsed = data.safeParse(body?.data);
      if (parsed.success) {
        return parsed.data;
      }
      const fields = parsed.error.issues.map((issue) => ['data', ...issue.path].join('.')).join(', ');
      throw unreadableSuccess(
        request.operation,
        request.endpoint,
        `JSON of an unexpected shape (missing or wrong: ${fields})`,
        parsed.error,
      );
    }
    if (status >= 200 && status < 300 && !error.success) {
      throw unreadableSuccess(
        request.operation,
        request.endpoint,
        'JSON without the error.code TikTok puts on every answer',
      );
    }
    throw this.failure(request, {
      status,
      code: error.success ? error.data.code : undefined,
      message: error.success ? error.data.message : undefined,
      logId: error.success ? error.data.log_id : undefined,
      retryAfter: headers.get('retry-after'),
    });
  }

  /** The OAuth endpoints: a flat JSON answer, or `{error, error_description, log_id}` (7.1). */
  async oauth<T>(request: TikTokRequest, schema: z.ZodType<T>): Promise<T> {
    const { status, json, headers } = await this.send(request);
    const body = asObject(json);
    if (typeof body?.error === 'string' || status < 200 || status >= 300) {
      throw this.failure(request, {
        status: status >= 200 && status < 300 ? 400 : status,
        code: typeof body?.error === 'string' ? body.error : undefined,
        message: typeof body?.error_description === 'string' ? body.error_description : undefined,
        logId: typeof body?.log_id === 'string' ? body.log_id : undefined,
        retryAfter: headers.get('retry-after'),
      });
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(body)').join(', ');
      throw unreadableSuccess(
        request.operation,
        request.endpoint,
        `JSON of an unexpected shape (missing or wrong: ${fields})`,
        parsed.error,
      );
    }
    return parsed.data;
  }

  private failure(request: TikTokRequest, failure: TikTokFailure) {
    return mapTikTokError(failure, {
      operation: request.operation,
      endpoint: request.endpoint,
      now: this.context.clock.now(),
    });
  }

  private async send(request: TikTokRequest): Promise<{ status: number; json: unknown; headers: Headers }> {
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
    let body: string | URLSearchParams | undefined = request.form;
    if (request.json !== undefined) {
      headers['content-type'] = 'application/json; charset=UTF-8';
      body = JSON.stringify(request.json);
    }
    const response = await this.context.http.fetch(url, {
      method: request.method ?? 'POST',
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
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch (cause) {
      if (response.ok) {
        throw unreadableSuccess(request.operation, request.endpoint, summariseUnreadable(text), cause);
      }
      // An error status with an unreadable body is still classified by its status.
      throw this.failure(request, {
        status: response.status,
        code: undefined,
        message: summariseUnreadable(text),
        logId: undefined,
        retryAfter: response.headers.get('retry-after'),
      });
    }
    return { status: response.status, json, headers: response.headers };
  }
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
