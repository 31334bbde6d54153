import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import { BufferedResponse } from './buffered-response.js';

export interface BufferedFetchOptions {
  /** How long a connection (and its TLS handshake) may take: fetch's (undici's) 10 s by default. */
  readonly connectTimeoutMs?: number;
}

/**
 * A fetch for the requests connectors make, over node:http with kept-alive connections (ADR 0032): fetch's web
 * streams cost several times more CPU per request than the rest of a publish, which a publishing burst of
 * hundreds of calls a second feels. Same behaviour as fetch for bodies of text, bytes or form parameters:
 * fetch's default headers, redirects followed (or returned with `redirect: 'manual'`), gzip/deflate/br
 * answers decoded, aborts rejecting with the signal's reason, network failures as TypeError('fetch failed')
 * with the cause (its code) attached. Anything else (streams, FormData, Blob bodies, other schemes) goes to
 * the global fetch.
 */
export function createBufferedFetch(
  options: BufferedFetchOptions = {},
): (input: string | URL, init?: RequestInit) => Promise<Response> {
  const connectTimeoutMs = options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
  return (input, init = {}) => fetchBuffered(input, init, connectTimeoutMs);
}

async function fetchBuffered(
  input: string | URL,
  init: RequestInit,
  connectTimeoutMs: number,
): Promise<Response> {
  let url = new URL(input);
  const body = encodeBody(init.body);
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || body === UNSUPPORTED) {
    return globalThis.fetch(url, init);
  }
  let method = (init.method ?? 'GET').toUpperCase();
  let headers = requestHeaders(init.headers, body, url.protocol);
  let payload = body?.bytes;
  for (let redirects = 0; ; redirects += 1) {
    const answer = await exchange(url, method, headers, payload, init.signal ?? undefined, connectTimeoutMs);
    const location = answer.headers.get('location');
    if (!REDIRECTS.has(answer.status) || location === null || init.redirect === 'manual') {
      try {
        // A Response at run time (it extends it); typed apart only for TypeScript's sake (buffered-response.ts).
        return new BufferedResponse(
          answer.bytes,
          { status: answer.status, statusText: answer.statusText, headers: answer.headers },
          {
            url: url.toString(),
            redirected: redirects > 0,
            nullBody: method === 'HEAD' || NULL_BODY.has(answer.status),
            stop: answer.stop,
          },
        ) as unknown as Response;
      } catch (error) {
        // A status or status text no Response can carry: fetch fails the same way.
        answer.stop();
        throw new TypeError('fetch failed', { cause: error });
      }
    }
    if (init.redirect === 'error') {
      throw new TypeError('fetch failed', { cause: new Error(`redirect to ${location} refused`) });
    }
    if (redirects >= MAX_REDIRECTS) {
      throw new TypeError('fetch failed', { cause: new Error('redirect count exceeded') });
    }
    const next = new URL(location, url);
    // As fetch does: 303, and 301/302 after a POST, become a GET without body; credentials stay on the origin.
    if (
      answer.status === 303
        ? method !== 'HEAD'
        : (answer.status === 301 || answer.status === 302) && method === 'POST'
    ) {
      method = 'GET';
      payload = undefined;
      headers = Object.fromEntries(Object.entries(headers).filter(([name]) => !BODY_HEADERS.has(name)));
    }
    if (next.origin !== url.origin) {
      headers = Object.fromEntries(Object.entries(headers).filter(([name]) => !CREDENTIAL_HEADERS.has(name)));
    }
    url = next;
  }
}

const UNSUPPORTED = Symbol('unsupported body');
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const NULL_BODY = new Set([101, 204, 205, 304]);
const MAX_REDIRECTS = 20;
const BODY_HEADERS = new Set([
  'content-type',
  'content-length',
  'content-encoding',
  'content-language',
  'content-location',
]);
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);
// What fetch sends unless told otherwise (Node's undici): servers and fakes see the same requests as before.
const DEFAULT_HEADERS: Readonly<Record<string, string>> = {
  accept: '*/*',
  'accept-language': '*',
  'sec-fetch-mode': 'cors',
  'user-agent': 'node',
};
// fetch asks for brotli over TLS only.
const ACCEPT_ENCODING = { 'http:': 'gzip, deflate', 'https:': 'br, gzip, deflate' } as const;
/** fetch's connect timeout (undici's): a host that never answers the connection is "not sent", not a hang. */
const CONNECT_TIMEOUT_MS = 10_000;
/** The most a compressed answer may grow to once decoded (a small "zip bomb" must not exhaust memory). */
const MAX_DECODED_BYTES = 256 * 1024 * 1024;
// Idle kept-alive sockets do not hold the process open (the agents unref them). An idle socket is closed
// after 4 s, or 1 s before the server's own `Keep-Alive: timeout=` when that is shorter (Node applies the
// hint only when a timeout is set), as fetch does: a request written on a socket the server is closing
// would be reset, and a reset publish has to be looked up before anything is sent again.
const IDLE_SOCKET_MS = 4_000;
const agents = {
  'http:': new http.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
  'https:': new https.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
};

function encodeBody(
  body: RequestInit['body'],
): { bytes: Buffer; type: string | null } | undefined | typeof UNSUPPORTED {
  if (body === undefined || body === null) {
    return undefined;
  }
  if (typeof body === 'string') {
    return { bytes: Buffer.from(body, 'utf8'), type: 'text/plain;charset=UTF-8' };
  }
  if (body instanceof URLSearchParams) {
    return {
      bytes: Buffer.from(body.toString(), 'utf8'),
      type: 'application/x-www-form-urlencoded;charset=UTF-8',
    };
  }
  if (body instanceof ArrayBuffer) {
    return { bytes: Buffer.from(body), type: null };
  }
  if (ArrayBuffer.isView(body)) {
    return { bytes: Buffer.from(body.buffer, body.byteOffset, body.byteLength), type: null };
  }
  return UNSUPPORTED;
}

function requestHeaders(
  given: ConstructorParameters<typeof Headers>[0],
  body: { bytes: Buffer; type: string | null } | undefined,
  protocol: string,
): Record<string, string> {
  const headers: Record<string, string> = {
    ...DEFAULT_HEADERS,
    'accept-encoding': ACCEPT_ENCODING[protocol as 'http:' | 'https:'],
  };
  // Headers joins repeated names and lower-cases them, as fetch sends them.
  new Headers(given).forEach((value, name) => {
    headers[name] = value;
  });
  if (body?.type && headers['content-type'] === undefined) {
    headers['content-type'] = body.type;
  }
  if (body !== undefined) {
    headers['content-length'] = String(body.bytes.byteLength);
  }
  return headers;
}

interface Answer {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  /** The body, decoded; rejects when the connection drops or the signal aborts before its end. */
  readonly bytes: Promise<Buffer>;
  /** Stops receiving the body (its readers then fail): a cancelled body stream downloads no further. */
  readonly stop: () => void;
}

/** One request: resolves once the answer's head is in; its body keeps arriving into `bytes`. */
function exchange(
  url: URL,
  method: string,
  headers: Record<string, string>,
  payload: Buffer | undefined,
  signal: AbortSignal | undefined,
  connectTimeoutMs: number,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(url, {
      method,
      headers,
      agent: agents[url.protocol as 'http:' | 'https:'],
    });
    request.on('socket', (socket) => {
      const tls = url.protocol === 'https:';
      // A kept-alive connection is there already; a fresh one is connecting, or (TLS) shaking hands.
      if (request.reusedSocket || (!tls && !socket.connecting)) {
        return;
      }
      const timer = setTimeout(() => {
        const error = Object.assign(new Error(`connecting to ${url.host} timed out`), {
          code: 'UND_ERR_CONNECT_TIMEOUT',
        });
        request.destroy(error);
      }, connectTimeoutMs);
      timer.unref();
      const connected = () => clearTimeout(timer);
      socket.once(tls ? 'secureConnect' : 'connect', connected);
      socket.once('close', connected);
    });
    let failBody: ((error: unknown) => void) | undefined;
    const onAbort = () => {
      const reason = abortReason(signal!);
      // Before the head: the fetch rejects; after it: reading the body does.
      reject(reason);
      failBody?.(reason);
      request.destroy();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => signal?.removeEventListener('abort', onAbort);
    request.on('error', (error) => {
      done();
      reject(new TypeError('fetch failed', { cause: error }));
      failBody?.(new TypeError('terminated', { cause: error }));
    });
    request.on('response', (incoming) => {
      const answerHeaders = new Headers();
      for (let index = 0; index < incoming.rawHeaders.length; index += 2) {
        answerHeaders.append(incoming.rawHeaders[index]!, incoming.rawHeaders[index + 1]!);
      }
      const bytes = new Promise<Buffer>((resolveBody, rejectBody) => {
        failBody = rejectBody;
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', (error) => {
          done();
          rejectBody(new TypeError('terminated', { cause: error }));
        });
        incoming.on('close', () => {
          if (!incoming.complete) {
            done();
            rejectBody(new TypeError('terminated', { cause: new Error('the connection closed mid-answer') }));
          }
        });
        incoming.on('end', () => {
          done();
          decode(Buffer.concat(chunks), incoming.headers['content-encoding']).then(resolveBody, (error) =>
            rejectBody(new TypeError('terminated', { cause: error })),
          );
        });
      });
      // A body nobody reads (a redirect followed, an answer judged by its status) must not fail unhandled.
      bytes.catch(() => undefined);
      resolve({
        status: incoming.statusCode ?? 0,
        statusText: incoming.statusMessage ?? '',
        headers: answerHeaders,
        bytes,
        stop: () => {
          failBody?.(new TypeError('terminated', { cause: new Error('the body was cancelled') }));
          incoming.destroy();
          done();
        },
      });
    });
    request.end(payload);
  });
}

/** Undoes each content coding, last applied first (`gzip, br`: br, then gzip), off the event loop. */
async function decode(bytes: Buffer, encoding: string | undefined): Promise<Buffer> {
  let decoded = bytes;
  const codings = (encoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity')
    .reverse();
  for (const coding of codings) {
    if (decoded.byteLength === 0) {
      break;
    }
    decoded = await inflate(decoded, coding);
  }
  return decoded;
}

function inflate(bytes: Buffer, coding: string): Promise<Buffer> {
  const options = { maxOutputLength: MAX_DECODED_BYTES };
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, result: Buffer) => (error ? reject(error) : resolve(result));
    switch (coding) {
      case 'gzip':
      case 'x-gzip':
        zlib.gunzip(bytes, options, done);
        return;
      case 'deflate':
        zlib.inflate(bytes, options, done);
        return;
      case 'br':
        zlib.brotliDecompress(bytes, options, done);
        return;
      default:
        // A coding fetch does not know: the bytes are handed over as they came (as fetch does).
        resolve(bytes);
    }
  });
}

/** What fetch rejects with on abort: the signal's reason (an Error, or whatever the caller gave). */
function abortReason(signal: AbortSignal): Error {
  return (signal.reason as Error | undefined) ?? new DOMException('This operation was aborted', 'AbortError');
}

/** The SDK's HTTP client's fetch (declared last: it reads the module's constants as it is made). */
export const bufferedFetch = createBufferedFetch();
