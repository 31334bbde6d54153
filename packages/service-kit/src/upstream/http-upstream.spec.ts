import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpUpstream } from './http-upstream.js';
import { UpstreamUnavailableError } from './upstream.js';

let server: Server | undefined;

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

describe('HttpUpstream', () => {
  it('forwards the method, path, headers and body, and answers status, end-to-end headers and body', async () => {
    const seen: { method?: string; url?: string; header?: string; length?: string; body?: string } = {};
    const base = await serve((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        Object.assign(seen, {
          method: req.method,
          url: req.url,
          header: req.headers['x-chorus-tenant'],
          length: req.headers['content-length'],
          body: Buffer.concat(chunks).toString('utf8'),
        });
        res.writeHead(201, { 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'] });
        res.end('{"ok":true}');
      });
    });
    const upstream = new HttpUpstream('content', base);
    const response = await upstream.forward({
      method: 'POST',
      path: '/posts?x=1',
      headers: { 'x-chorus-tenant': 't1', 'content-type': 'application/json' },
      body: Buffer.from('{"a":1}'),
    });
    expect(seen).toEqual({ method: 'POST', url: '/posts?x=1', header: 't1', length: '7', body: '{"a":1}' });
    expect(response.status).toBe(201);
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.headers['set-cookie']).toBe('a=1, b=2');
    expect(response.headers['connection']).toBeUndefined();
    expect(response.body.toString('utf8')).toBe('{"ok":true}');
  });

  it('reuses its connection for the next request', async () => {
    const ports = new Set<number>();
    const base = await serve((req, res) => {
      ports.add(req.socket.remotePort!);
      res.end('x');
    });
    const upstream = new HttpUpstream('content', base);
    for (let i = 0; i < 3; i += 1) {
      await upstream.forward({ method: 'GET', path: '/x', headers: {}, body: undefined });
    }
    expect(ports.size).toBe(1);
  });

  it('is unavailable when nothing listens', async () => {
    const base = await serve((_req, res) => res.end());
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    const upstream = new HttpUpstream('gateway', base);
    const failure = upstream.forward({ method: 'GET', path: '/', headers: {}, body: undefined });
    await expect(failure).rejects.toBeInstanceOf(UpstreamUnavailableError);
    await expect(failure).rejects.toThrow(/gateway/);
  });

  it('is unavailable when the connection drops in the middle of the answer', async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('only part');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const upstream = new HttpUpstream('gateway', base);
    await expect(
      upstream.forward({ method: 'GET', path: '/', headers: {}, body: undefined }),
    ).rejects.toBeInstanceOf(UpstreamUnavailableError);
  });

  it('gives up after its timeout, body included', async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('slow');
    });
    const upstream = new HttpUpstream('gateway', base, { timeoutMs: 200 });
    const started = Date.now();
    await expect(
      upstream.forward({ method: 'GET', path: '/', headers: {}, body: undefined }),
    ).rejects.toThrow(UpstreamUnavailableError);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
