import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createTcpServer } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferedFetch, createBufferedFetch } from './buffered-fetch.js';
import { createHttpClient } from './http-client.js';
import { RetriableError } from '../errors/connector-errors.js';

// Every scenario runs through the global fetch and bufferedFetch against the same server: what a connector
// can observe must be the same.

interface Seen {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let server: Server;
let other: Server;
let base: string;
let otherBase: string;
const seen: Seen[] = [];
/** Answers of /endless still open: they never end. */
const endless: ServerResponse[] = [];

function routes(req: IncomingMessage, res: ServerResponse, body: string): void {
  seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
  const path = req.url!.split('?')[0] ?? '';
  switch (path) {
    case '/json':
      res.writeHead(201, {
        'content-type': 'application/json',
        'x-rate-remaining': '7',
        'set-cookie': ['a=1', 'b=2'],
      });
      res.end('\uFEFF{"id":"1","text":"héllo"}');
      return;
    case '/gzip':
      res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
      res.end(gzipSync('squeezed'));
      return;
    case '/see-other':
      res.writeHead(303, { location: '/json' });
      res.end('moved');
      return;
    case '/found':
      res.writeHead(302, { location: '/json' });
      res.end();
      return;
    case '/temporary':
      res.writeHead(307, { location: '/json?after=307' });
      res.end();
      return;
    case '/elsewhere':
      res.writeHead(302, { location: `${otherBase}/json` });
      res.end();
      return;
    case '/truncated':
      res.writeHead(429, {
        'content-type': 'application/json',
        'content-length': '100',
        'retry-after': '30',
      });
      res.write('{"error":"too ma');
      setTimeout(() => res.socket?.destroy(), 20);
      return;
    case '/slow':
      return; // never answers
    case '/slow-body':
      res.writeHead(200, { 'content-length': '100' });
      res.write('part');
      return;
    case '/layered':
      // gzip applied first, then br: undone br first.
      res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip, br' });
      res.end(brotliCompressSync(gzipSync('twice squeezed')));
      return;
    case '/endless':
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      endless.push(res);
      res.write(Buffer.alloc(64 * 1024));
      return;
    case '/empty':
      res.writeHead(204);
      res.end();
      return;
    default:
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('no such route');
  }
}

function listen(target: Server): Promise<string> {
  return new Promise((resolve) =>
    target.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(target.address() as AddressInfo).port}`),
    ),
  );
}

beforeAll(async () => {
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => routes(req, res, Buffer.concat(chunks).toString('utf8')));
  };
  server = createServer(handler);
  other = createServer(handler);
  base = await listen(server);
  otherBase = await listen(other);
});

afterAll(async () => {
  for (const open of endless) {
    open.destroy();
  }
  for (const target of [server, other]) {
    target.closeAllConnections();
    await new Promise((resolve) => target.close(resolve));
  }
});

const fetches = [
  ['global fetch', (url: string, init?: RequestInit) => globalThis.fetch(url, init)],
  ['bufferedFetch', (url: string, init?: RequestInit) => bufferedFetch(url, init)],
] as const;

/** The requests the server saw during `run`, without the headers that name the connection. */
async function requestsOf(run: () => Promise<unknown>): Promise<Seen[]> {
  seen.length = 0;
  await run();
  return seen.map(({ headers, ...rest }) => {
    const { host: _host, connection: _connection, ...kept } = headers;
    return { ...rest, headers: kept };
  });
}

describe('bufferedFetch', () => {
  it('sends what fetch sends and answers what fetch answers, body by body kind', async () => {
    const bodies: (RequestInit['body'] | undefined)[] = [
      undefined,
      'plain text',
      JSON.stringify({ a: 1 }),
      new URLSearchParams({ q: 'a b', n: '1' }),
      new Uint8Array([1, 2, 3]),
      new TextEncoder().encode('bytes').buffer,
    ];
    for (const body of bodies) {
      const results = [];
      for (const [, fetchWith] of fetches) {
        let response: Response | undefined;
        const requests = await requestsOf(async () => {
          response = await fetchWith(`${base}/json?x=1`, {
            method: body === undefined ? 'GET' : 'POST',
            headers: { authorization: 'Bearer t', 'X-Custom': 'v' },
            body,
          });
        });
        results.push({
          requests,
          status: response!.status,
          statusText: response!.statusText,
          ok: response!.ok,
          url: response!.url,
          redirected: response!.redirected,
          contentType: response!.headers.get('content-type'),
          cookies: response!.headers.getSetCookie(),
          json: await response!.json(),
          used: response!.bodyUsed,
          instance: response instanceof Response,
        });
      }
      expect(results[1], typeof body === 'string' ? body : (body?.constructor.name ?? 'no body')).toEqual(
        results[0],
      );
    }
  });

  it('follows redirects as fetch does: 303 and 302-after-POST become GETs, 307 keeps the body, credentials stay on their origin', async () => {
    for (const [path, method] of [
      ['/see-other', 'POST'],
      ['/found', 'POST'],
      ['/found', 'PUT'],
      ['/temporary', 'POST'],
      ['/elsewhere', 'GET'],
    ] as const) {
      const results = [];
      for (const [, fetchWith] of fetches) {
        let response: Response | undefined;
        const requests = await requestsOf(async () => {
          response = await fetchWith(`${base}${path}`, {
            method,
            headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
            ...(method === 'GET' ? {} : { body: '{"a":1}' }),
          });
          await response.text();
        });
        results.push({
          requests,
          status: response!.status,
          url: response!.url,
          redirected: response!.redirected,
        });
      }
      expect(results[1], `${method} ${path}`).toEqual(results[0]);
      expect(results[1]!.redirected).toBe(true);
    }
  });

  it("returns the redirect itself with redirect: 'manual', and refuses it with redirect: 'error'", async () => {
    const manual = await bufferedFetch(`${base}/see-other`, { redirect: 'manual' });
    expect(manual.status).toBe(303);
    expect(manual.headers.get('location')).toBe('/json');
    await expect(bufferedFetch(`${base}/see-other`, { redirect: 'error' })).rejects.toThrow(TypeError);
  });

  it('decodes a gzip answer; 204 and HEAD answers have no body', async () => {
    expect(await (await bufferedFetch(`${base}/gzip`)).text()).toBe('squeezed');
    const empty = await bufferedFetch(`${base}/empty`);
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
    expect(await empty.text()).toBe('');
    const head = await bufferedFetch(`${base}/json`, { method: 'HEAD' });
    expect(head.body).toBeNull();
  });

  it('keeps the status and headers of an answer cut short; reading its body fails as fetch fails', async () => {
    for (const [name, fetchWith] of fetches) {
      const response = await fetchWith(`${base}/truncated`, { method: 'POST', body: '{}' });
      expect(response.status, name).toBe(429);
      expect(response.headers.get('retry-after'), name).toBe('30');
      const error = await response.text().catch((caught: unknown) => caught);
      expect(error, name).toBeInstanceOf(TypeError);
      expect((error as Error).message, name).toBe('terminated');
    }
  });

  it('rejects with the TypeError fetch gives, its cause carrying the code, when nothing listens', async () => {
    const closed = createServer();
    const url = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    for (const [name, fetchWith] of fetches) {
      const error = (await fetchWith(url, { method: 'POST', body: 'x' }).catch(
        (caught: unknown) => caught,
      )) as Error;
      expect(error, name).toBeInstanceOf(TypeError);
      expect(error.message, name).toBe('fetch failed');
      expect((error.cause as { code?: string }).code, name).toBe('ECONNREFUSED');
    }
  });

  it("rejects with the signal's reason: before the head arrives the fetch, after it the body", async () => {
    for (const [name, fetchWith] of fetches) {
      const early = new AbortController();
      setTimeout(() => early.abort(new Error('gave up waiting')), 50);
      await expect(fetchWith(`${base}/slow`, { signal: early.signal }), name).rejects.toThrow(
        'gave up waiting',
      );
      const already = new AbortController();
      already.abort(new Error('never started'));
      await expect(fetchWith(`${base}/json`, { signal: already.signal }), name).rejects.toThrow(
        'never started',
      );
      const late = new AbortController();
      const response = await fetchWith(`${base}/slow-body`, { signal: late.signal });
      setTimeout(() => late.abort(new Error('body too slow')), 50);
      await expect(response.text(), name).rejects.toThrow('body too slow');
    }
  });

  it('reads a body once, by any method or as a stream, and clones before reading', async () => {
    const response = await bufferedFetch(`${base}/json`);
    const copy = response.clone();
    const reader = response.body!.getReader();
    const chunk: { value?: Uint8Array } = await reader.read();
    expect(new TextDecoder().decode(chunk.value)).toContain('"id":"1"');
    expect(response.bodyUsed).toBe(true);
    await expect(response.json()).rejects.toThrow(TypeError);
    expect(await copy.json()).toEqual({ id: '1', text: 'héllo' });
    expect(Buffer.from(await (await bufferedFetch(`${base}/gzip`)).arrayBuffer()).toString()).toBe(
      'squeezed',
    );
    // Taking the stream to cancel it reads nothing (link previews do this with pages they do not want).
    const unwanted = await bufferedFetch(`${base}/json`);
    await unwanted.body!.cancel();
  });

  it('opens a new connection rather than reuse one the server is about to close (its Keep-Alive hint)', async () => {
    const ports: number[] = [];
    const short = createServer((req, res) => {
      ports.push(req.socket.remotePort!);
      res.end('ok');
    });
    short.keepAliveTimeout = 2_000; // announced as Keep-Alive: timeout=2
    const url = await listen(short);
    try {
      await (await bufferedFetch(url)).text();
      await (await bufferedFetch(url)).text();
      await new Promise((resolve) => setTimeout(resolve, 1_300));
      await (await bufferedFetch(url)).text();
      expect(ports[1]).toBe(ports[0]);
      expect(ports[2]).not.toBe(ports[0]);
    } finally {
      short.closeAllConnections();
      await new Promise((resolve) => short.close(resolve));
    }
  });

  it('undoes several content codings, the last applied first', async () => {
    expect(await (await bufferedFetch(`${base}/layered`)).text()).toBe('twice squeezed');
  });

  it('stops downloading a body whose stream is cancelled unread', async () => {
    const response = await bufferedFetch(`${base}/endless`);
    await response.body!.cancel();
    const open = endless.at(-1)!;
    await new Promise<void>((resolve) => {
      if (open.destroyed || open.socket?.destroyed !== false) {
        resolve();
      } else {
        open.once('close', () => resolve());
      }
    });
    expect(open.writableEnded).toBe(false);
  });

  it('gives up a connection that does not complete in time, as "not sent" (fetch\'s connect timeout)', async () => {
    // A listener that never speaks TLS: the connection's handshake never completes. (It reads what comes, so
    // that it sees the client close.)
    const silent = createTcpServer((socket) => socket.resume());
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    try {
      const fetchWith = createBufferedFetch({ connectTimeoutMs: 200 });
      const error = (await fetchWith(`https://127.0.0.1:${port}/`, { method: 'POST', body: 'x' }).catch(
        (caught: unknown) => caught,
      )) as Error;
      expect(error).toBeInstanceOf(TypeError);
      expect((error.cause as { code?: string }).code).toBe('UND_ERR_CONNECT_TIMEOUT');
      // Through the SDK's client, a write that never connected is retriable: nothing was sent.
      const http = createHttpClient({ fetch: fetchWith as typeof fetch, timeoutMs: 5_000 });
      await expect(
        http.fetch(`https://127.0.0.1:${port}/`, { method: 'POST', body: 'x' }),
      ).rejects.toBeInstanceOf(RetriableError);
    } finally {
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it("lets go of the caller's and the host's signals once an answer's body is done", async () => {
    const host = new AbortController();
    const http = createHttpClient({ timeoutMs: 5_000, signal: () => host.signal });
    const added: string[] = [];
    const removed: string[] = [];
    const add = host.signal.addEventListener.bind(host.signal);
    const remove = host.signal.removeEventListener.bind(host.signal);
    host.signal.addEventListener = (type: string, ...rest: never[]) => {
      added.push(type);
      return add(type, ...(rest as [never]));
    };
    host.signal.removeEventListener = (type: string, ...rest: never[]) => {
      removed.push(type);
      return remove(type, ...(rest as [never]));
    };
    for (let i = 0; i < 12; i += 1) {
      await (await http.fetch(`${base}/json`)).text();
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(added.length).toBe(12);
    expect(removed.length).toBe(12);
  });

  it('hands bodies it does not encode itself (FormData) to the global fetch', async () => {
    const form = new FormData();
    form.append('file', new Blob(['abc'], { type: 'text/plain' }), 'a.txt');
    const requests = await requestsOf(async () => {
      await (await bufferedFetch(`${base}/json`, { method: 'POST', body: form })).text();
    });
    expect(requests[0]!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(requests[0]!.body).toContain('filename="a.txt"');
  });
});
