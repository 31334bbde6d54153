import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock, createHttpClient, z } from '@chorus/connector-sdk';
import { GraphClient } from '../graph-client.js';
import { UsageGate } from '../usage-gate.js';
import { metaChallenge, metaSignatureValid } from '../webhook.js';
import { GraphFakeServer } from './graph-fake-server.js';
import { graphError, ok } from './graph-fake-errors.js';
import { page } from './fake-paging.js';
import { handshake, signedDelivery } from './webhook-signer.js';

// network-apis.md 1.7: the shared Meta behaviour of the fake core, and the client against it.
let fake: GraphFakeServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(callsPerHour = 10_000) {
  fake = await GraphFakeServer.start({
    version: 'v25.0',
    appSecret: 'secret',
    usage: { callsPerHour },
    bucketOf: (token) =>
      token === 'page-token' ? { objectId: '42', type: 'pages', throttleCode: 80001 } : undefined,
  });
  const items = Array.from({ length: 5 }, (_value, index) => ({ id: String(index) }));
  fake.router.add('GET', '/me', () => ok({ id: '42', name: 'Page' }));
  fake.router.add('GET', '/42/items', (request) =>
    ok(page(items, request.query, `${fake!.url}/v25.0/42/items`, 2)),
  );
  fake.router.add('GET', '/flaky', () =>
    graphError({ code: 2, message: 'An unexpected error has occurred', status: 500 }),
  );
  return fake;
}

const client = (server: GraphFakeServer) =>
  new GraphClient({
    http: createHttpClient({ timeoutMs: 1000 }),
    clock: systemClock,
    baseUrl: server.url,
    version: 'v25.0',
    network: 'Facebook',
    gate: new UsageGate(systemClock),
    account: '42',
    accessToken: 'page-token',
    appSecret: 'secret',
  });

describe('the Graph fake core and client', () => {
  it('error bodies are the 1.2 envelope with fbtrace_id, and is_transient is true for codes 1 and 2', async () => {
    const server = await start();
    const response = await fetch(`${server.url}/v25.0/flaky`);
    expect(response.status).toBe(500);
    expect(((await response.json()) as { error: unknown }).error).toMatchObject({
      code: 2,
      type: 'GraphMethodException',
      is_transient: true,
      fbtrace_id: expect.any(String) as unknown,
    });
  });

  it('usage headers come on successes too, rising; at the budget the fake throttles with headers at 100 %', async () => {
    const server = await start(4);
    const percents: number[] = [];
    for (let call = 0; call < 4; call += 1) {
      const response = await fetch(`${server.url}/v25.0/me`, {
        headers: { authorization: 'Bearer page-token' },
      });
      expect(response.status).toBe(200);
      percents.push((JSON.parse(response.headers.get('x-app-usage')!) as { call_count: number }).call_count);
    }
    expect(percents).toEqual([25, 50, 75, 100]);
    const throttled = await fetch(`${server.url}/v25.0/me`, {
      headers: { authorization: 'Bearer page-token' },
    });
    expect(throttled.status).toBe(400);
    expect(((await throttled.json()) as { error: { code: number } }).error.code).toBe(80001);
    const usage = JSON.parse(throttled.headers.get('x-business-use-case-usage')!) as Record<
      string,
      { call_count: number; estimated_time_to_regain_access: number }[]
    >;
    expect(usage['42']![0]!.call_count).toBe(100);
    expect(usage['42']![0]!.estimated_time_to_regain_access).toBeGreaterThan(0);
  });

  it('cursor paging: paging.cursors.after and an absolute paging.next, no next on the last page', async () => {
    const server = await start();
    const graph = client(server);
    const schema = z.object({
      data: z.array(z.object({ id: z.string() })),
      paging: z.object({ cursors: z.object({ after: z.string() }), next: z.string().optional() }),
    });
    const first = await graph.call({ operation: 'inbox.pull', endpoint: 'items', path: '/42/items' }, schema);
    expect(first.paging.next).toMatch(new RegExp(`^${server.url}/v25.0/42/items\\?`));
    const last = await graph.call(
      {
        operation: 'inbox.pull',
        endpoint: 'items',
        path: '/42/items',
        query: { after: first.paging.cursors.after, limit: 3 },
      },
      schema,
    );
    expect(last.data.map((item) => item.id)).toEqual(['2', '3', '4']);
    expect(last.paging.next).toBeUndefined();
  });

  it('the client pins the version in the path and sends appsecret_proof; unversioned calls get the default version', async () => {
    const server = await start();
    await client(server).call(
      { operation: 'auth.verify', endpoint: 'me', path: '/me' },
      z.object({ id: z.string() }),
    );
    expect(server.requests().at(-1)).toMatchObject({
      path: '/me',
      version: 'v25.0',
      status: 200,
      proof: 'valid',
      query: { appsecret_proof: createHmac('sha256', 'secret').update('page-token').digest('hex') },
    });
    // The fake checks the proof: one made with another secret is refused as Graph refuses it.
    const forged = await fetch(`${server.url}/v25.0/me?appsecret_proof=${'0'.repeat(64)}`, {
      headers: { authorization: 'Bearer page-token' },
    });
    expect(forged.status).toBe(400);
    expect(((await forged.json()) as { error: { message: string } }).error.message).toMatch(
      /Invalid appsecret_proof/u,
    );
    expect(server.requests().at(-1)?.proof).toBe('invalid');
    const unversioned = await fetch(`${server.url}/me`);
    expect(unversioned.status).toBe(200);
    expect(server.requests().at(-1)?.version).toBeNull();
    const old = await fetch(`${server.url}/v2.0/me`);
    expect(old.status).toBe(400);
  });

  it('with "Require App Secret" on, a call with a token but no appsecret_proof is refused', async () => {
    fake = await GraphFakeServer.start({
      version: 'v25.0',
      appSecret: 'secret',
      requireAppSecretProof: true,
    });
    fake.router.add('GET', '/me', () => ok({ id: '42' }));
    const bare = await fetch(`${fake.url}/v25.0/me`, { headers: { authorization: 'Bearer page-token' } });
    expect(bare.status).toBe(400);
    expect(((await bare.json()) as { error: { message: string } }).error.message).toMatch(
      /require an appsecret_proof/u,
    );
    const withProof = await client(fake).call(
      { operation: 'auth.verify', endpoint: 'me', path: '/me' },
      z.object({ id: z.string() }),
    );
    expect(withProof.id).toBe('42');
  });

  it('webhooks: GET handshake echoes hub.challenge; POSTs are signed sha256=<hex> over the raw body', () => {
    expect(metaChallenge('token', handshake('token', '42'))).toMatchObject({ status: 200, body: '42' });
    const delivery = signedDelivery('secret', {
      object: 'page',
      entry: [
        {
          id: '1',
          time: 1,
          changes: [
            { field: 'feed', value: {} },
            { field: 'feed', value: {} },
          ],
        },
      ],
    });
    expect(delivery.headers['x-hub-signature-256']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(metaSignatureValid('secret', delivery)).toBe(true);
    expect(metaSignatureValid('other', delivery)).toBe(false);
    expect(metaSignatureValid('', delivery)).toBe(false);
  });
});
