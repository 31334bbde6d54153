import { describe, expect, it } from 'vitest';
import type { Upstream, UpstreamRequest } from '@chorus/service-kit';
import {
  ChannelDisconnectedError,
  ChannelMustReconnectError,
} from '../../application/ports/channel-credentials.port.js';
import { GatewayCredentialsAdapter } from './gateway-credentials.adapter.js';

const json = (status: number, body: unknown) => ({
  status,
  headers: {},
  body: Buffer.from(JSON.stringify(body), 'utf8'),
});

/**
 * The gateway's batched credentials read as its internal API answers it: per channel, 200 with the
 * credentials, 404 no such channel, 409 access refused. `answers` maps a channel id to its status.
 */
function gateway(answers: Record<string, number>, requests: UpstreamRequest[] = []): Upstream {
  return {
    forward: (request) => {
      requests.push(request);
      const { channelIds } = JSON.parse(request.body!.toString('utf8')) as { channelIds: string[] };
      return Promise.resolve(
        json(200, {
          results: channelIds.map((channelId) =>
            answers[channelId] === 200
              ? { channelId, status: 200, credentials: { accessToken: `token-of-${channelId}` } }
              : { channelId, status: answers[channelId], message: `answer ${answers[channelId]}` },
          ),
        }),
      );
    },
  };
}

describe('gateway credentials', () => {
  it('a channel the gateway does not know is disconnected, not a reconnect', async () => {
    const adapter = new GatewayCredentialsAdapter(gateway({ c: 404 }), 'token');
    const error = await adapter.credentialsFor('t', 'c').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelDisconnectedError);
    // Other services match the parent's name.
    expect((error as Error).name).toBe('ChannelMustReconnectError');
  });

  it('refused access asks for a reconnect', async () => {
    const adapter = new GatewayCredentialsAdapter(gateway({ c: 409 }), 'token');
    const error = await adapter.credentialsFor('t', 'c').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelMustReconnectError);
    expect(error).not.toBeInstanceOf(ChannelDisconnectedError);
  });

  it('reads asked for together go as one request per tenant, naming each channel once', async () => {
    const requests: UpstreamRequest[] = [];
    const adapter = new GatewayCredentialsAdapter(gateway({ a: 200, b: 200, c: 404 }, requests), 'token', {
      service: 'content',
      purpose: 'publish',
    });
    const reads = await Promise.allSettled([
      adapter.credentialsFor('t1', 'a'),
      adapter.credentialsFor('t1', 'b'),
      adapter.credentialsFor('t1', 'a'),
      adapter.credentialsFor('t2', 'c'),
    ]);
    expect(reads.map((read) => (read.status === 'fulfilled' ? read.value.accessToken : 'refused'))).toEqual([
      'token-of-a',
      'token-of-b',
      'token-of-a',
      'refused',
    ]);
    expect(
      requests.map((request) => ({
        path: `${request.method} ${request.path}`,
        tenant: request.headers['x-chorus-tenant'],
        reader: `${request.headers['x-chorus-service']}/${request.headers['x-chorus-purpose']}`,
        body: JSON.parse(request.body!.toString('utf8')) as unknown,
      })),
    ).toEqual([
      {
        path: 'POST /internal/channels/credentials',
        tenant: 't1',
        reader: 'content/publish',
        body: { channelIds: ['a', 'b'] },
      },
      {
        path: 'POST /internal/channels/credentials',
        tenant: 't2',
        reader: 'content/publish',
        body: { channelIds: ['c'] },
      },
    ]);
  });

  it("a request the gateway refuses as a whole fails each of its reads with the gateway's reason", async () => {
    const adapter = new GatewayCredentialsAdapter(
      { forward: () => Promise.resolve(json(503, { message: 'vault locked' })) },
      'token',
    );
    const reads = await Promise.allSettled([
      adapter.credentialsFor('t', 'a'),
      adapter.credentialsFor('t', 'b'),
    ]);
    for (const read of reads) {
      expect(read.status).toBe('rejected');
      expect(String((read as PromiseRejectedResult).reason)).toContain('503: vault locked');
      expect((read as PromiseRejectedResult).reason).not.toBeInstanceOf(ChannelMustReconnectError);
    }
  });
});
