import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AmbiguousError, RateLimitedError, type LogRecord } from '@chorus/connector-sdk';
import { createLogger } from '@chorus/connector-sdk';
import { ConnectorHost } from '../src/index.js';
import { EchoServer } from './echo-server.fixture.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const alice = { accountId: 'alice', accessToken: 'token-of-alice' };
const bob = { accountId: 'bob', accessToken: 'token-of-bob' };
const post = (text: string) => ({ idempotencyKey: text, fingerprint: text, post: { text } });

let server: EchoServer;
let host: ConnectorHost;
let logs: LogRecord[];

beforeEach(async () => {
  server = await EchoServer.start();
  logs = [];
  host = await ConnectorHost.start({
    root,
    discover: false,
    conditions: ['@chorus/source', 'import', 'default'],
    connectors: [
      {
        resolve: './test/fixtures/echo-connector',
        options: { baseUrl: server.url, apiKey: 'api-key-secret' },
      },
    ],
    logger: createLogger({ sink: (record) => logs.push(record) }),
    callTimeoutMs: { publish: 500 },
    rateLimitMaxWaitMs: 0,
  });
  expect(host.refused).toEqual([]);
});

afterEach(async () => {
  await host.close();
  await server.close();
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('rate limits per (network, account, endpoint)', () => {
  it('holds the request over the manifest budget without sending it, for that account only', async () => {
    const echo = host.connector('echo');
    for (let index = 0; index < 3; index += 1) {
      await echo.publish!(alice, post(`a${index}`));
    }
    const held = await failure(echo.publish!(alice, post('a3')));
    expect(held).toBeInstanceOf(RateLimitedError);
    expect((held as RateLimitedError).retryAfter).toBeGreaterThan(50);
    expect(server.received).toHaveLength(3);
    await echo.publish!(bob, post('b0'));
    expect(server.received).toHaveLength(4);
  });

  it("obeys the network's 429 and Retry-After: the next call waits without reaching the network", async () => {
    const echo = host.connector('echo');
    server.mode = { kind: 'status', status: 429, headers: { 'retry-after': '30' } };
    const first = await failure(echo.publish!(alice, post('x')));
    expect(first).toBeInstanceOf(RateLimitedError);
    expect((first as RateLimitedError).retryAfter).toBe(30);
    server.mode = { kind: 'ok' };
    expect(await failure(echo.publish!(alice, post('y')))).toBeInstanceOf(RateLimitedError);
    expect(server.received).toHaveLength(1);
    await echo.publish!(bob, post('z'));
    expect(server.received).toHaveLength(2);
  });

  it("obeys the network's budget headers: remaining 0 holds the endpoint until the reset", async () => {
    const echo = host.connector('echo');
    server.mode = { kind: 'ok', headers: { 'x-budget-remaining': '0', 'x-budget-reset': '45' } };
    await echo.publish!(alice, post('last'));
    const held = await failure(echo.publish!(alice, post('over')));
    expect((held as RateLimitedError).retryAfter).toBeGreaterThan(40);
    expect(server.received).toHaveLength(1);
  });
});

describe('errors and timeouts', () => {
  it('turns an unknown error thrown during publish into ambiguous', async () => {
    const error = await failure(host.connector('echo').publish!(alice, post('crash')));
    expect(error).toBeInstanceOf(AmbiguousError);
  });

  it('turns a publish that outlives its time limit into ambiguous, and aborts its request', async () => {
    server.mode = { kind: 'hang' };
    const started = Date.now();
    const error = await failure(host.connector('echo').publish!(alice, post('slow')));
    expect(error).toBeInstanceOf(AmbiguousError);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses invalid content before the network', async () => {
    const error = await failure(host.connector('echo').publish!(alice, post('x'.repeat(101))));
    expect((error as { kind: string }).kind).toBe('invalid-content');
    expect(server.received).toHaveLength(0);
  });
});

describe('logs and counters', () => {
  it('counts every call by outcome and every request by status', async () => {
    const echo = host.connector('echo');
    await echo.publish!(alice, post('one'));
    await failure(echo.publish!(alice, post('crash')));
    const value = (name: string, labels: Record<string, string>) =>
      host
        .metrics()
        .filter(
          (sample) =>
            sample.name === name && Object.entries(labels).every(([k, v]) => sample.labels[k] === v),
        )
        .reduce((sum, sample) => sum + sample.value, 0);
    expect(value('connector_calls_total', { connector: 'echo', operation: 'publish', outcome: 'ok' })).toBe(
      1,
    );
    expect(
      value('connector_calls_total', { connector: 'echo', operation: 'publish', outcome: 'ambiguous' }),
    ).toBe(1);
    expect(
      value('connector_http_requests_total', { connector: 'echo', endpoint: 'posts.create', status: '2xx' }),
    ).toBe(1);
  });

  it('logs structured records that never carry tokens or secret options', async () => {
    await host.connector('echo').publish!(alice, post('logged'));
    const text = JSON.stringify(logs);
    expect(text).not.toContain('token-of-alice');
    expect(text).not.toContain('api-key-secret');
    expect(logs).toContainEqual(
      expect.objectContaining({
        message: 'connector call succeeded',
        connector: 'echo',
        operation: 'publish',
        accountId: 'alice',
      }),
    );
  });
});
