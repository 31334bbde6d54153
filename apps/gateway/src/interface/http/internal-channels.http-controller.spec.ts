import type { CommandBus, QueryBus } from '@nestjs/cqrs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VaultRewrapStatus } from '../../application/channels/vault-rewrap-status.adapter.js';
import { GetChannelCredentialsQuery } from '../../application/queries/get-channel-credentials/get-channel-credentials.query.js';
import { ChannelNotFoundError } from '../../domain/channel/channel.errors.js';
import { InternalChannelsHttpController } from './internal-channels.http-controller.js';

// The batched credentials read, with the reads themselves stubbed: a slow channel is answered 503 on its own,
// and after a read that fails the request nothing more is read.

const request = {
  internalTenantId: 'tenant-1',
  headers: { 'x-chorus-service': 'content', 'x-chorus-purpose': 'publish' },
} as never;

function controllerReading(read: (channelId: string) => Promise<unknown>) {
  const asked: string[] = [];
  const queries = {
    execute: (query: GetChannelCredentialsQuery) => {
      asked.push(query.channelId);
      return read(query.channelId);
    },
  } as unknown as QueryBus;
  const controller = new InternalChannelsHttpController({} as CommandBus, queries, {} as VaultRewrapStatus);
  return { controller, asked };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('POST /internal/channels/credentials', () => {
  it('answers a channel whose read takes more than 10 s with 503, the others as they come', async () => {
    vi.useFakeTimers();
    const { controller } = controllerReading((channelId) =>
      channelId === 'slow'
        ? new Promise(() => undefined)
        : channelId === 'gone'
          ? Promise.reject(new ChannelNotFoundError(channelId))
          : Promise.resolve({
              channelId,
              workspaceId: 'w',
              network: 'mastodon',
              credentials: { accessToken: 't' },
            }),
    );
    const answer = controller.credentialsOfMany({ channelIds: ['fast', 'slow', 'gone'] }, request);
    await vi.advanceTimersByTimeAsync(10_000);
    const { results } = await answer;
    expect(results.map((r) => [r.channelId, r.status])).toEqual([
      ['fast', 200],
      ['slow', 503],
      ['gone', 404],
    ]);
    expect((results[1] as { message: string }).message).toMatch(/try again/u);
  });

  it('fails the whole request on a read that fails unexpectedly, and reads nothing after it', async () => {
    const channelIds = Array.from({ length: 30 }, (_, i) => `c${i}`);
    const { controller, asked } = controllerReading((channelId) =>
      channelId === 'c0' ? Promise.reject(new Error('database down')) : new Promise((r) => setTimeout(r, 5)),
    );
    await expect(controller.credentialsOfMany({ channelIds }, request)).rejects.toThrow('database down');
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The eight workers had started one read each; none took another after the failure.
    expect(asked.length).toBeLessThanOrEqual(8);
  });
});
