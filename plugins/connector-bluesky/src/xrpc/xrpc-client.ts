import {
  AmbiguousError,
  RetriableError,
  isWriteOperation,
  type Clock,
  type ConnectorOperation,
  type HttpClient,
} from '@chorus/connector-sdk';
import { mapXrpcError, type XrpcErrorBody } from './map-error.js';

type ParamValue = string | number | boolean | readonly string[] | undefined;

export interface XrpcRequest {
  readonly operation: ConnectorOperation;
  /** The endpoint's name in the manifest's rate-limit policy. */
  readonly endpoint: string;
  readonly nsid: string;
  readonly method?: 'GET' | 'POST';
  readonly params?: Readonly<Record<string, ParamValue>>;
  readonly json?: unknown;
  /** A raw upload (uploadBlob, uploadVideo). */
  readonly bytes?: { readonly data: Uint8Array; readonly contentType: string };
  /** Another bearer than the session's: the refresh token, a service token. */
  readonly token?: string;
  /** Error names the caller handles itself; the result then carries the error instead of throwing. */
  readonly accept?: readonly string[];
  readonly timeoutMs?: number;
}

export type XrpcResult<T> =
  | { readonly ok: true; readonly status: number; readonly body: T; readonly headers: Headers }
  | {
      readonly ok: false;
      readonly status: number;
      readonly error: string;
      readonly message: string;
      /** The whole error body: some services add fields (the video service's jobId). */
      readonly details: Readonly<Record<string, unknown>>;
      readonly headers: Headers;
    };

export interface XrpcClientOptions {
  readonly http: HttpClient;
  readonly clock: Clock;
  readonly serviceUrl: string;
  readonly accessToken?: string;
  /** The atproto-proxy header for app.bsky.* methods. */
  readonly appViewProxy?: string;
}

/** XRPC over the SDK's HTTP client: JSON in and out, errors in the SDK's taxonomy, the host's hooks on every call. */
export class XrpcClient {
  constructor(private readonly options: XrpcClientOptions) {}

  get serviceUrl(): string {
    return this.options.serviceUrl;
  }

  /** The body of a successful call; every error is thrown in the taxonomy. */
  async call<T>(request: Omit<XrpcRequest, 'accept'>): Promise<T> {
    const result = await this.send<T>(request);
    if (!result.ok) {
      throw new Error(`${request.nsid}: no error is accepted by call(), yet ${result.error} came back`);
    }
    return result.body;
  }

  /** Like call, but accepted error names come back as `{ ok: false }`. */
  async send<T>(request: XrpcRequest): Promise<XrpcResult<T>> {
    const url = new URL(`/xrpc/${request.nsid}`, this.options.serviceUrl);
    for (const [key, value] of Object.entries(request.params ?? {})) {
      for (const item of value === undefined ? [] : Array.isArray(value) ? value : [String(value)]) {
        url.searchParams.append(key, item as string);
      }
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = request.token ?? this.options.accessToken;
    if (token) {
      headers.authorization = `Bearer ${token}`;
    }
    if (this.options.appViewProxy && request.nsid.startsWith('app.bsky.')) {
      headers['atproto-proxy'] = this.options.appViewProxy;
    }
    let body: RequestInit['body'];
    if (request.bytes) {
      headers['content-type'] = request.bytes.contentType;
      body = request.bytes.data;
    } else if (request.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(request.json);
    }
    const response = await this.options.http.fetch(url, {
      method: request.method ?? 'GET',
      headers,
      body,
      endpoint: request.endpoint,
      timeoutMs: request.timeoutMs,
    });
    const text = await response.text().catch((error: unknown) => {
      throw unreadable(request, error);
    });
    if (!response.ok) {
      const error = parseJson<XrpcErrorBody & Record<string, unknown>>(text) ?? {};
      if (error.error && request.accept?.includes(error.error)) {
        return {
          ok: false,
          status: response.status,
          error: error.error,
          message: error.message ?? '',
          details: error,
          headers: response.headers,
        };
      }
      throw mapXrpcError(response.status, response.headers, error, {
        operation: request.operation,
        endpoint: request.endpoint,
        now: this.options.clock.now(),
      });
    }
    // Procedures without output answer with an empty body.
    const parsed = text.trim() === '' ? ({} as T) : parseJson<T>(text);
    if (parsed === undefined) {
      throw unreadable(request, new Error(`not JSON: ${text.slice(0, 80)}`));
    }
    return { ok: true, status: response.status, body: parsed, headers: response.headers };
  }
}

// A success we cannot read may still have been applied.
function unreadable(request: XrpcRequest, cause: unknown): Error {
  const message = `Bluesky's answer to ${request.nsid} could not be read`;
  return isWriteOperation(request.operation)
    ? new AmbiguousError(`${message}; it may have been applied`, { cause, endpoint: request.endpoint })
    : new RetriableError(message, { cause, endpoint: request.endpoint });
}

function parseJson<T>(text: string): T | undefined {
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}
