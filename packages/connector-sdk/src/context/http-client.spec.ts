import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AmbiguousError, RetriableError } from '../errors/connector-errors.js';
import { createHttpClient, type HttpRequestInfo } from './http-client.js';

let server: Server;
let base: string;
let received = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    received += 1;
    if (request.url === '/slow') {
      return;
    } // never answers: the client must time out
    response.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('createHttpClient', () => {
  it('turns a timed-out write into an ambiguous error: the server did receive it', async () => {
    const before = received;
    const http = createHttpClient({ timeoutMs: 500 });
    const error = await http
      .fetch(`${base}/slow`, { method: 'POST', body: 'x' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AmbiguousError);
    expect(received).toBe(before + 1);
  });

  it("stops a request when the caller's or the host's signal aborts, already or later", async () => {
    const host = new AbortController();
    const http = createHttpClient({ timeoutMs: 10_000, signal: () => host.signal });
    const started = Date.now();
    const byHost = http.fetch(`${base}/slow`).catch((caught: unknown) => caught);
    setTimeout(() => host.abort(new Error('the call timed out')), 50);
    expect(await byHost).toBeInstanceOf(Error);
    const caller = new AbortController();
    caller.abort(new Error('cancelled'));
    const byCaller = await createHttpClient({ timeoutMs: 10_000 })
      .fetch(`${base}/slow`, { signal: caller.signal })
      .catch((caught: unknown) => caught);
    expect(byCaller).toBeInstanceOf(Error);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('turns a timed-out read into a retriable error', async () => {
    const http = createHttpClient({ timeoutMs: 100 });
    await expect(http.fetch(`${base}/slow`)).rejects.toBeInstanceOf(RetriableError);
  });

  it('turns a refused connection into a retriable error, even for a write', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const http = createHttpClient({ timeoutMs: 1000 });
    await expect(http.fetch(`http://127.0.0.1:${port}/`, { method: 'POST' })).rejects.toBeInstanceOf(
      RetriableError,
    );
  });

  it('passes every request through the hooks with its endpoint name', async () => {
    const seen: string[] = [];
    const http = createHttpClient({
      hooks: {
        beforeRequest: (request: HttpRequestInfo) => {
          seen.push(`before ${request.method} ${request.endpoint}`);
          return Promise.resolve();
        },
        afterResponse: (request, response) => {
          seen.push(`after ${request.endpoint} ${response.status}`);
        },
      },
    });
    const response = await http.fetch(`${base}/fast`, { endpoint: 'posts.read' });
    expect(await response.text()).toBe('ok');
    expect(seen).toEqual(['before GET posts.read', 'after posts.read 200']);
  });
});
