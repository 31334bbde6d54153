import { AmbiguousError, RetriableError } from '../errors/connector-errors.js';
import { classifyError, neverSent } from '../errors/classify-error.js';
import { bufferedFetch } from './buffered-fetch.js';
import { bodySettled } from './buffered-response.js';

export interface HttpRequestInit extends RequestInit {
  /** The endpoint's name in the manifest's rate-limit policy; every request also counts for '*'. */
  readonly endpoint?: string;
  readonly timeoutMs?: number;
}

export interface HttpRequestInfo {
  readonly url: URL;
  readonly method: string;
  readonly endpoint: string;
}

/** A fetch that times out and turns transport failures into the error taxonomy. */
export interface HttpClient {
  fetch(input: string | URL, init?: HttpRequestInit): Promise<Response>;
}

/** Lets a host wrap every request: wait for or refuse a rate-limit slot, read the network's budget headers. */
export interface HttpHooks {
  beforeRequest?(request: HttpRequestInfo): Promise<void>;
  afterResponse?(request: HttpRequestInfo, response: Response): void;
}

export interface HttpClientOptions {
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
  readonly hooks?: HttpHooks;
  /** A signal that aborts the current call's requests (the host's per-call timeout). */
  readonly signal?: () => AbortSignal | undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const baseFetch = options.fetch ?? bufferedFetch;
  const defaultTimeout = options.timeoutMs ?? 30_000;
  return {
    async fetch(input, init = {}) {
      const { endpoint = '*', timeoutMs = defaultTimeout, ...requestInit } = init;
      const url = new URL(input);
      const method = (requestInit.method ?? 'GET').toUpperCase();
      const info: HttpRequestInfo = { url, method, endpoint };
      await options.hooks?.beforeRequest?.(info);
      const abort = new AbortController();
      let timedOut = false;
      // The timer also bounds reading the body, so it is not cleared when headers arrive; unref lets the process exit.
      const timer = setTimeout(() => {
        timedOut = true;
        abort.abort(new Error(`timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      timer.unref();
      // The caller's and the host's signals abort this request too (linked by hand: AbortSignal.any costs
      // more than the rest of a request's set-up on a publishing burst), until its body is done with.
      const unlink = linkSignals(abort, [requestInit.signal, options.signal?.()]);
      let response: Response;
      try {
        response = await baseFetch(url, { ...requestInit, method, signal: abort.signal });
      } catch (error) {
        clearTimeout(timer);
        unlink();
        throw transportError(error, info, timedOut ? timeoutMs : undefined);
      }
      void bodySettled(response)?.then(() => {
        clearTimeout(timer);
        unlink();
      });
      options.hooks?.afterResponse?.(info, response);
      return response;
    },
  };
}

/** Aborts `target` when any of `signals` aborts; returns what removes the listeners again. */
function linkSignals(
  target: AbortController,
  signals: readonly (AbortSignal | null | undefined)[],
): () => void {
  const links: { signal: AbortSignal; listener: () => void }[] = [];
  for (const signal of signals) {
    if (!signal) {
      continue;
    }
    if (signal.aborted) {
      target.abort(signal.reason);
      continue;
    }
    const listener = () => target.abort(signal.reason);
    signal.addEventListener('abort', listener, { once: true });
    links.push({ signal, listener });
  }
  return () => {
    for (const { signal, listener } of links) {
      signal.removeEventListener('abort', listener);
    }
  };
}

function transportError(error: unknown, request: HttpRequestInfo, timedOutAfter: number | undefined): Error {
  const safe = SAFE_METHODS.has(request.method);
  const target = `${request.method} ${request.url.origin}${request.url.pathname}`;
  if (timedOutAfter !== undefined) {
    const message = `${target} timed out after ${timedOutAfter} ms`;
    return safe
      ? new RetriableError(message, { cause: error, endpoint: request.endpoint })
      : new AmbiguousError(`${message}; the network may have applied it`, {
          cause: error,
          endpoint: request.endpoint,
        });
  }
  if (neverSent(error)) {
    // This one request was not sent: retriable as a request. Whether the whole publish is, only the connector
    // knows (an earlier request of it may have been applied); it says so with the error it throws.
    const message = error instanceof Error ? error.message : String(error);
    return new RetriableError(`${target} could not reach the network (${message}); nothing was sent`, {
      cause: error,
      endpoint: request.endpoint,
    });
  }
  return classifyError(error, safe ? 'inbox.pull' : 'publish');
}
