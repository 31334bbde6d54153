import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient, systemClock, z } from '@chorus/connector-sdk';
import { GraphClient } from './graph-client.js';
import { readInsights } from './read-insights.js';
import { UsageGate } from './usage-gate.js';
import { GraphFakeServer } from './testing/graph-fake-server.js';
import { graphError, invalidParameter, ok } from './testing/graph-fake-errors.js';

let fake: GraphFakeServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const VALID = new Set(['views', 'reach', 'shares']);

async function start() {
  fake = await GraphFakeServer.start({ version: 'v25.0', appSecret: 'secret' });
  // Like Graph: one metric it does not offer refuses the whole batch with code 100.
  fake.router.add('GET', '/7/insights', (request) => {
    const names = (request.params.metric ?? '').split(',');
    const bad = names.findIndex((name) => !VALID.has(name));
    if (bad >= 0) {
      return request.params.indexed === 'no'
        ? invalidParameter('The value must be a valid insights metric')
        : invalidParameter(`metric[${bad}] must be one of the following values: ${[...VALID].join(', ')}`);
    }
    return ok({ data: names.map((name, index) => ({ name, values: [{ value: index + 10 }] })) });
  });
  fake.router.add('GET', '/7/series', () =>
    ok({
      data: [
        { name: 'views', period: 'day', values: [{ value: 3 }, { value: 4 }, { value: 5 }] },
        { name: 'reach', period: 'day', values: [{ value: 3 }, { value: 4 }, { value: 5 }] },
      ],
    }),
  );
  fake.router.add('GET', '/8/insights', () => invalidParameter('Invalid parameter'));
  fake.router.add('GET', '/9/insights', () =>
    graphError({ code: 10, message: '(#10) Not enough viewers for the media to show insights' }),
  );
  fake.router.add('POST', '/7/subscribed_apps', () => ok({ success: false }));
  fake.router.add('GET', '/7', () => ({
    status: 200,
    text: '{"id":17841405793187217,"user_id":17841405793187219}',
    contentType: 'application/json',
  }));
  return fake;
}

const client = (server: GraphFakeServer) =>
  new GraphClient({
    http: createHttpClient({ timeoutMs: 1000 }),
    clock: systemClock,
    baseUrl: server.url,
    version: 'v25.0',
    network: 'Instagram',
    gate: new UsageGate(systemClock),
    account: '7',
    accessToken: 'token',
  });

const vocabulary = { views: 'views', saved: 'saves', reach: 'reach' } as const;

describe('readInsights', () => {
  it('a metric Meta refuses (metric[N]) is dropped and the batch asked again: the others still come back', async () => {
    const server = await start();
    const metrics = await readInsights(client(server), {
      operation: 'insights.post',
      objectId: '7',
      vocabulary,
      renamed: {},
    });
    expect(metrics).toEqual({ views: 10, reach: 11 });
    expect(server.requests().map((entry) => entry.query.metric)).toEqual([
      'views,saved,reach',
      'views,reach',
    ]);
  });

  it('a refusal that names no metric falls back to one metric at a time', async () => {
    const server = await start();
    const metrics = await readInsights(client(server), {
      operation: 'insights.post',
      objectId: '7',
      vocabulary,
      renamed: {},
      query: { indexed: 'no' },
    });
    expect(metrics).toEqual({ views: 10, reach: 10 });
    expect(server.requests()).toHaveLength(4);
  });

  it('a refusal about the object, not a metric, is thrown; "not enough viewers" is an empty answer', async () => {
    const server = await start();
    const read = (objectId: string) =>
      readInsights(client(server), { operation: 'insights.post', objectId, vocabulary, renamed: {} });
    await expect(read('8')).rejects.toMatchObject({ kind: 'invalid-content' });
    expect(server.requests()).toHaveLength(1);
    expect(await read('9')).toEqual({});
  });

  it('a daily series named in `summed` adds up over the range; others keep the latest day', async () => {
    const server = await start();
    const metrics = await readInsights(client(server), {
      operation: 'insights.account',
      objectId: '7',
      vocabulary: { views: 'views', reach: 'reach' },
      renamed: {},
      edge: 'series',
      summed: ['views'],
    });
    expect(metrics).toEqual({ views: 12, reach: 5 });
  });
});

describe('GraphClient answers', () => {
  it('{"success": false} is a classified error, never a success', async () => {
    const server = await start();
    const error = await client(server)
      .call(
        {
          operation: 'auth.exchange',
          endpoint: 'apps.subscribe',
          method: 'POST',
          path: '/7/subscribed_apps',
        },
        z.object({ success: z.boolean() }),
      )
      .then(
        () => undefined,
        (caught: unknown) => caught as Error & { kind?: string },
      );
    expect(error?.kind).toBe('retriable');
    expect(error?.message).toContain('{"success": false}');
  });

  it('numeric ids beyond 2^53 arrive as exact strings', async () => {
    const server = await start();
    const found = await client(server).call(
      { operation: 'auth.verify', endpoint: 'user.read', path: '/7' },
      z.object({ id: z.string(), user_id: z.string() }),
    );
    expect(found).toEqual({ id: '17841405793187217', user_id: '17841405793187219' });
  });
});
