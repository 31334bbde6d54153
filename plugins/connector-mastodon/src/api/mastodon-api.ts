import {
  AmbiguousError,
  RetriableError,
  isWriteOperation,
  type Clock,
  type ConnectorOperation,
  type HttpClient,
} from '@chorus/connector-sdk';
import { mapMastodonError, type MastodonErrorBody } from './map-error.js';

export interface ApiRequest {
  readonly operation: ConnectorOperation;
  /** The endpoint's name in the manifest's rate-limit policy. */
  readonly endpoint: string;
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly query?: URLSearchParams;
  readonly json?: unknown;
  readonly form?: FormData;
  readonly idempotencyKey?: string;
  /** Send no token (app registration, instance information, the token endpoint). */
  readonly anonymous?: boolean;
  /** Error statuses the caller handles itself (a 404 on delete means already gone); the body is then null. */
  readonly accept?: readonly number[];
}

export interface ApiResponse<T> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

/** One Mastodon server, as one account (or anonymously): JSON in and out, errors in the SDK's taxonomy. */
export class MastodonApi {
  constructor(
    private readonly http: HttpClient,
    private readonly clock: Clock,
    readonly instanceUrl: string,
    private readonly accessToken?: string,
  ) {}

  async call<T>(request: ApiRequest): Promise<ApiResponse<T>> {
    const url = new URL(request.path, this.instanceUrl);
    if (request.query) {
      url.search = request.query.toString();
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.accessToken && !request.anonymous) {
      headers.authorization = `Bearer ${this.accessToken}`;
    }
    if (request.idempotencyKey) {
      headers['idempotency-key'] = request.idempotencyKey;
    }
    let body: RequestInit['body'];
    if (request.form) {
      body = request.form;
    } else if (request.json !== undefined) {
      body = JSON.stringify(request.json);
      headers['content-type'] = 'application/json';
    }
    const response = await this.http.fetch(url, {
      method: request.method ?? 'GET',
      headers,
      body,
      endpoint: request.endpoint,
    });
    const text = await response.text().catch((error: unknown) => {
      throw this.unreadable(request, error);
    });
    if (!response.ok && request.accept?.includes(response.status)) {
      return { status: response.status, body: null as T, headers: response.headers };
    }
    if (!response.ok) {
      const errorBody = parseJson<MastodonErrorBody>(text) ?? {};
      throw mapMastodonError(response, errorBody, request.operation, request.endpoint, this.clock.now());
    }
    const parsed = parseJson<T>(text);
    if (parsed === undefined) {
      throw this.unreadable(request, new Error(`not JSON: ${text.slice(0, 80)}`));
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }

  // A success we cannot read may still have been applied.
  private unreadable(request: ApiRequest, cause: unknown): Error {
    const message = `Mastodon's answer to ${request.method ?? 'GET'} ${request.path} could not be read`;
    return isWriteOperation(request.operation)
      ? new AmbiguousError(`${message}; it may have been applied`, { cause, endpoint: request.endpoint })
      : new RetriableError(message, { cause, endpoint: request.endpoint });
  }
}

function parseJson<T>(text: string): T | undefined {
  if (text.trim() === '') {
    return undefined;
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}
