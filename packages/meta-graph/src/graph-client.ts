import { createHmac } from 'node:crypto';
import {
  AmbiguousError,
  RetriableError,
  errorFromResponse,
  isWriteOperation,
  parseRetryAfter,
  type Clock,
  type ConnectorError,
  type ConnectorOperation,
  type HttpClient,
  type z,
} from '@chorus/connector-sdk';
import { mapGraphError, notApplied, tooManyRequests, type GraphErrorBody } from './graph-error.js';
import { parseGraphJson } from './safe-json.js';
import { readUsage } from './usage-headers.js';
import type { UsageGate } from './usage-gate.js';

export interface GraphClientOptions {
  readonly http: HttpClient;
  readonly clock: Clock;
  /** Origin of the host: https://graph.facebook.com, https://graph.instagram.com, https://graph.threads.net. */
  readonly baseUrl: string;
  /** Pinned API version, such as v25.0 (Threads: v1.0); calls without a version get the app's default. */
  readonly version: string;
  /** The network's name in messages people read. */
  readonly network: string;
  readonly gate: UsageGate;
  /** The key the usage gate holds (the connected account). */
  readonly account: string;
  readonly accessToken?: string;
  /** When set, every call carries appsecret_proof (required by apps with "Require App Secret"). */
  readonly appSecret?: string;
}

export type GraphParams = Readonly<Record<string, string | number | boolean | undefined>>;

export interface GraphRequest {
  readonly operation: ConnectorOperation;
  /** The endpoint's name in the manifest's rate-limit policy. */
  readonly endpoint: string;
  readonly method?: 'GET' | 'POST' | 'DELETE';
  /** Relative to the version, such as `/me/accounts`; `unversioned` for the OAuth token endpoints. */
  readonly path: string;
  readonly unversioned?: boolean;
  readonly query?: GraphParams;
  /** Sent form-encoded (Graph's native body). */
  readonly form?: GraphParams;
  readonly json?: unknown;
  readonly multipart?: FormData;
  /** Raw bytes (resumable uploads to rupload hosts); give the content type in `headers`. */
  readonly binary?: Uint8Array;
  /** Another token than the client's (a user token where the client holds a Page token). */
  readonly token?: string;
  readonly anonymous?: boolean;
  readonly headers?: Readonly<Record<string, string>>;
  /** An absolute URL (a `paging.next`, a resumable upload host) instead of the path. */
  readonly url?: string;
  /** The call makes a post live: a transient error on it is ambiguous, never retried blindly. */
  readonly publishes?: boolean;
}

/**
 * One Meta Graph host as one account: versioned paths, the usage headers read on every response, the error
 * envelope mapped to the SDK's taxonomy, and any answer that cannot be read (HTML error pages, truncated or
 * wrong JSON, missing fields) turned into a classified error that says what to do.
 */
export class GraphClient {
  constructor(private readonly options: GraphClientOptions) {}

  get network(): string {
    return this.options.network;
  }

  async call<T>(request: GraphRequest, schema: z.ZodType<T>): Promise<T> {
    const { network, gate, account } = this.options;
    gate.check(account, request.endpoint, network);
    const url = this.urlOf(request);
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    const token = request.anonymous ? undefined : (request.token ?? this.options.accessToken);
    if (token) {
      // An upload host may want its own scheme (`OAuth <token>`), given in the request's headers.
      headers.authorization ??= `Bearer ${token}`;
      if (this.options.appSecret) {
        url.searchParams.set(
          'appsecret_proof',
          createHmac('sha256', this.options.appSecret).update(token).digest('hex'),
        );
      }
    }
    let body: RequestInit['body'];
    if (request.binary) {
      body = request.binary;
    } else if (request.multipart) {
      body = request.multipart;
    } else if (request.json !== undefined) {
      body = JSON.stringify(request.json);
      headers['content-type'] = 'application/json';
    } else if (request.form) {
      body = new URLSearchParams(defined(request.form)).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const method = request.method ?? 'GET';
    const response = await this.options.http.fetch(url, {
      method,
      headers,
      body,
      endpoint: request.endpoint,
    });
    const text = await response.text().catch((error: unknown) => {
      throw this.unreadable(request, `the answer was cut off (${(error as Error).message})`, error);
    });
    const usage = readUsage(response.headers);
    const parsed = parseJson(text);
    const envelope = errorEnvelope(parsed);
    if (envelope || !response.ok) {
      if (envelope) {
        const error = mapGraphError(envelope, {
          network,
          operation: request.operation,
          endpoint: request.endpoint,
          status: response.status,
          usage,
          publishes: request.publishes,
          retryAfter: parseRetryAfter(response.headers.get('retry-after'), this.options.clock.now()),
        });
        // The host holds the account on a RateLimitedError; the gate is for what only the headers say.
        throw error;
      }
      if (response.status === 429) {
        throw tooManyRequests(this.network, describeBody(text), {
          endpoint: request.endpoint,
          publishes: request.publishes,
          usage,
          retryAfter: parseRetryAfter(response.headers.get('retry-after'), this.options.clock.now()),
        });
      }
      throw this.notAnEnvelope(response, request, text);
    }
    if (parsed === undefined) {
      throw this.unreadable(request, describeBody(text), undefined);
    }
    // A success at 100 % usage: the next call would be throttled, and calling on prolongs the penalty.
    gate.record(account, usage);
    if (refusedQuietly(parsed)) {
      // Meta's "no" without an error envelope (a subscription, a hide, a delete it did not do).
      throw notApplied(network, `${method} ${request.path}`, request);
    }
    const result = schema.safeParse(parsed);
    if (!result.success) {
      const fields = result.error.issues.map((issue) => issue.path.join('.') || '(body)').join(', ');
      throw this.unreadable(request, `the answer lacks or mistypes ${fields}`, result.error);
    }
    return result.data;
  }

  private urlOf(request: GraphRequest): URL {
    if (request.url) {
      return new URL(request.url);
    }
    const prefix = request.unversioned ? '' : `/${this.options.version}`;
    const url = new URL(`${prefix}${request.path}`, this.options.baseUrl);
    for (const [name, value] of Object.entries(defined(request.query ?? {}))) {
      url.searchParams.set(name, value);
    }
    return url;
  }

  private notAnEnvelope(response: Response, request: GraphRequest, text: string): ConnectorError {
    const detail = `${this.network} answered HTTP ${response.status} with ${describeBody(text)} instead of its JSON error`;
    return errorFromResponse(response, { operation: request.operation, endpoint: request.endpoint, detail });
  }

  // A success we cannot read may still have been applied: a write becomes ambiguous (reconcile), a read retriable.
  // A GET applies nothing, even during publishing (the container status read), so it is always retriable.
  private unreadable(request: GraphRequest, why: string, cause: unknown): ConnectorError {
    const method = request.method ?? 'GET';
    const target = `${method} ${request.path}`;
    const options = { cause, endpoint: request.endpoint };
    return isWriteOperation(request.operation) && method !== 'GET'
      ? new AmbiguousError(
          `${this.network}'s answer to ${target} could not be used: ${why}. It may have been applied; Chorus reconciles before retrying.`,
          options,
        )
      : new RetriableError(
          `${this.network}'s answer to ${target} could not be used: ${why}. Retry later.`,
          options,
        );
  }
}

function defined(params: GraphParams): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)]])),
  );
}

function parseJson(text: string): unknown {
  if (text.trim() === '') {
    return undefined;
  }
  try {
    return parseGraphJson(text);
  } catch {
    return undefined;
  }
}

function refusedQuietly(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { success?: unknown }).success === false;
}

function errorEnvelope(body: unknown): GraphErrorBody | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) {
    return undefined;
  }
  const error = body.error;
  return typeof error === 'object' && error !== null ? error : { message: String(error) };
}

function describeBody(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') {
    return 'an empty body';
  }
  if (/^<(!doctype|html)/iu.test(trimmed)) {
    return 'an HTML page';
  }
  return `a body that is not JSON ("${trimmed.slice(0, 60)}")`;
}
