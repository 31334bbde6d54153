import {
  AmbiguousError,
  RetriableError,
  isWriteOperation,
  type ConnectorContext,
  type ConnectorOperation,
} from '@chorus/connector-sdk';
import type { LinkedinConfig } from '../config.js';
import { DuplicatePostError, mapLinkedinError, readErrorBody } from './map-error.js';

export interface LinkedinCall {
  readonly operation: ConnectorOperation;
  /** Name of the quota bucket, as in the manifest's rateLimits. */
  readonly endpoint: string;
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path with an already-encoded query (Rest.li values must not be re-encoded). */
  readonly path: string;
  readonly json?: unknown;
  readonly bytes?: Uint8Array;
  readonly headers?: Record<string, string>;
  /** Statuses the caller handles itself (a 404 on delete means already gone). */
  readonly accept?: readonly number[];
  /** Retry once after a pause on 401 65601: LinkedIn says that of brand-new tokens for a few seconds (6.6). */
  readonly freshToken?: boolean;
  /** An absolute URL (upload URLs); the version headers are not sent to it. */
  readonly url?: string;
}

export interface LinkedinResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/** One LinkedIn account's view of the REST API: version headers, Bearer token, failures mapped (6.1, 6.6). */
export class LinkedinApi {
  constructor(
    private readonly context: ConnectorContext,
    private readonly config: LinkedinConfig,
    private readonly accessToken: string,
  ) {}

  async call(call: LinkedinCall): Promise<LinkedinResponse> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.accessToken}`, ...call.headers };
    if (!call.url) {
      headers['linkedin-version'] = this.config.linkedinVersion;
      headers['x-restli-protocol-version'] = '2.0.0';
    }
    let body: string | Uint8Array | undefined;
    if (call.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(call.json);
    } else if (call.bytes) {
      headers['content-type'] = 'application/octet-stream';
      body = call.bytes;
    }
    const response = await this.context.http.fetch(
      call.url ?? new URL(call.path, this.config.apiUrl).toString(),
      {
        method: call.method ?? 'GET',
        headers,
        body,
        endpoint: call.endpoint,
      },
    );
    const text = await readText(response, call);
    if (call.freshToken && response.status === 401 && readErrorBody(text)?.serviceErrorCode === 65601) {
      await this.context.clock.sleep(this.config.freshTokenRetryMs);
      return this.call({ ...call, freshToken: false });
    }
    if (response.ok || call.accept?.includes(response.status)) {
      return { status: response.status, headers: response.headers, text };
    }
    throw mapLinkedinError(
      { status: response.status, headers: response.headers, text },
      { operation: call.operation, endpoint: call.endpoint, now: this.context.clock.now() },
    );
  }

  /** A call whose answer is JSON; an unreadable success is ambiguous for writes, retriable for reads. */
  async json<T>(call: LinkedinCall, read: (value: unknown) => T): Promise<T> {
    return readAnswer(call, await this.call(call), read);
  }
}

/** The body of an answer already received (one the caller accepted), read as JSON; unreadable is classified. */
export function readAnswer<T>(
  call: Pick<LinkedinCall, 'operation' | 'endpoint' | 'path'>,
  response: LinkedinResponse,
  read: (value: unknown) => T,
): T {
  try {
    return read(JSON.parse(response.text));
  } catch (cause) {
    throw unreadable(call, `an answer without the expected fields (${describe(cause)})`, cause);
  }
}

async function readText(response: Response, call: LinkedinCall): Promise<string> {
  try {
    return await response.text();
  } catch (cause) {
    throw unreadable(call, 'a body cut off before its end', cause);
  }
}

export function unreadable(
  call: Pick<LinkedinCall, 'operation' | 'endpoint' | 'path'>,
  what: string,
  cause?: unknown,
) {
  const message = `LinkedIn answered ${call.operation} (${call.path.split('?')[0]}) with ${what}`;
  return isWriteOperation(call.operation)
    ? new AmbiguousError(`${message}; it may have been applied`, { cause, endpoint: call.endpoint })
    : new RetriableError(message, { cause, endpoint: call.endpoint });
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

export { DuplicatePostError };
