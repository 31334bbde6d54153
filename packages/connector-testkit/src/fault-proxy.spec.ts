import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from './fault-proxy.js';

let network: Server;
let applied: string[];
let proxy: FaultProxy;

beforeAll(async () => {
  applied = [];
  network = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      applied.push(`${request.method} ${request.url} ${body}`);
      response.writeHead(200, { 'content-type': 'application/json', 'x-from': 'network' });
      response.end(JSON.stringify({ uri: 'at://post/1' }));
    });
  });
  await new Promise<void>((resolve) => network.listen(0, '127.0.0.1', resolve));
  proxy = await startFaultProxy({
    target: `http://127.0.0.1:${(network.address() as AddressInfo).port}`,
    isPublish: ({ method, path }) =>
      method === 'POST' && path.startsWith('/xrpc/com.atproto.repo.createRecord'),
    respond: (fault) =>
      fault.kind === 'rate-limited'
        ? {
            status: 429,
            headers: { 'retry-after': String(fault.retryAfterSeconds) },
            body: '{"error":"RateLimitExceeded"}',
          }
        : { status: fault.kind === 'invalid-content' ? 400 : 500, body: '{"error":"InvalidRequest"}' },
  });
});

afterAll(async () => {
  await proxy.close();
  network.closeAllConnections();
  await new Promise((resolve) => network.close(resolve));
});

const publish = (signal?: AbortSignal) =>
  fetch(`${proxy.url}/xrpc/com.atproto.repo.createRecord`, { method: 'POST', body: '{"text":"hi"}', signal });

describe('startFaultProxy', () => {
  it('passes requests through untouched when no fault is queued', async () => {
    const response = await publish();
    expect(response.status).toBe(200);
    expect(response.headers.get('x-from')).toBe('network');
    expect(await response.json()).toEqual({ uri: 'at://post/1' });
    expect(applied.at(-1)).toBe('POST /xrpc/com.atproto.repo.createRecord {"text":"hi"}');
  });

  it("answers the next publish with the network's own refusal, without forwarding it", async () => {
    const before = applied.length;
    proxy.faults.next({ kind: 'rate-limited', retryAfterSeconds: 42 });
    const response = await publish();
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('42');
    expect(applied.length).toBe(before);
  });

  it('forwards a timeout-after-send, so the network applies it, and withholds the answer', async () => {
    const before = applied.length;
    proxy.faults.next({ kind: 'timeout-after-send' });
    await expect(publish(AbortSignal.timeout(500))).rejects.toThrow();
    expect(applied.length).toBe(before + 1);
  });
});
