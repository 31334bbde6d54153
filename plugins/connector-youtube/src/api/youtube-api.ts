import type { ConnectorContext, ConnectorOperation, z } from '@chorus/connector-sdk';
import {
  mapYoutubeError,
  summariseUnreadable,
  unreadableSuccess,
  type GoogleErrorBody,
} from './map-error.js';
import type { QuotaLedger } from './quota-ledger.js';
import type { YoutubeMethod } from './quota-costs.js';

export interface YoutubeRequest {
  readonly operation: ConnectorOperation;
  /** Endpoint name for logs and the host's counters. */
  readonly endpoint: string;
  /** The Data API method, charged against the daily quota; absent for OAuth, Analytics and upload chunks. */
  readonly quota?: YoutubeMethod;
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly url: string;
  readonly query?: Readonly<Record<string, string | undefined>>;
  readonly json?: unknown;
  readonly form?: URLSearchParams;
  readonly bytes?: Uint8Array;
  readonly headers?: Readonly<Record<string, string>>;
  readonly token?: string;
  /** Statuses the caller handles itself: answered with `data` undefined and no body check. */
  readonly accept?: readonly number[];
}

export interface YoutubeResult<T> {
  readonly status: number;
  readonly headers: Headers;
  readonly data: T;
}

/** Google's HTTP APIs: requests through the host's client, quota counted, answers checked, failures classified. */
export class YoutubeApi {
  constructor(
    private readonly context: ConnectorContext,
    private readonly quota: QuotaLedger,
  ) {}

  async call<T>(request: YoutubeRequest, schema: z.ZodType<T>): Promise<T> {
    return (await this.exchange(request, schema)).data as T;
  }

  async exchange<T>(request: YoutubeRequest, schema: z.ZodType<T>): Promise<YoutubeResult<T | undefined>> {
    const url = new URL(request.url);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) {
        url.searchParams.set(key, value);
      }
    }
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    if (request.token) {
      headers.authorization = `Bearer ${request.token}`;
    }
    let body: string | URLSearchParams | Uint8Array | undefined = request.form ?? request.bytes;
    if (request.json !== undefined) {
      headers['content-type'] = 'application/json; charset=UTF-8';
      body = JSON.stringify(request.json);
    }
    if (request.quota) {
      // Refused before sending when the day's units are spent; invalid requests cost units too.
      this.quota.ensure([request.quota], request.endpoint);
      this.quota.charge(request.quota);
    }
    const response = await this.context.http.fetch(url, {
      method: request.method ?? 'GET',
      headers,
      body: body as RequestInit['body'],
      endpoint: request.endpoint,
    });
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      throw unreadableSuccess(request.operation, request.endpoint, 'a truncated body', cause);
    }
    if (request.accept?.includes(response.status)) {
      return { status: response.status, headers: response.headers, data: undefined };
    }
    if (!response.ok) {
      throw mapYoutubeError(response, parseErrorBody(text), text, {
        operation: request.operation,
        endpoint: request.endpoint,
        now: this.context.clock.now(),
        onQuotaExhausted: () => this.quota.markExhausted(),
      });
    }
    let json: unknown;
    try {
      // An empty body only satisfies a schema that expects nothing (a 204, a session start).
      json = text === '' ? undefined : JSON.parse(text);
    } catch (cause) {
      throw unreadableSuccess(request.operation, request.endpoint, summariseUnreadable(text), cause);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success && text === '') {
      throw unreadableSuccess(request.operation, request.endpoint, 'an empty body', parsed.error);
    }
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(body)').join(', ');
      throw unreadableSuccess(
        request.operation,
        request.endpoint,
        `JSON of an unexpected shape (missing or wrong: ${fields})`,
        parsed.error,
      );
    }
    return { status: response.status, headers: response.headers, data: parsed.data };
  }
}

function parseErrorBody(text: string): GoogleErrorBody | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
  } catch {
    return undefined;
  }
}
