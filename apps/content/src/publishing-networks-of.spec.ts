import { describe, expect, it } from 'vitest';
import type { ConnectorManifest, PublishFn } from '@chorus/connector-sdk';
import { publishingNetworksOf } from './publishing-networks-of.js';

const publish: PublishFn = () => Promise.reject(new Error('not called here'));

function sourceWith(capabilities: Record<string, unknown>) {
  const manifest = { displayName: 'Example', capabilities } as unknown as ConnectorManifest;
  return { has: (id: string) => id === 'example', connector: () => ({ manifest, publish }) };
}

describe('publishingNetworksOf', () => {
  it("carries the network's own visibility delay from its manifest", () => {
    const network = publishingNetworksOf(
      sourceWith({
        publish: { kinds: ['text'] },
        findPublished: { maxWindowSeconds: 3600, visibilityDelaySeconds: 45 },
      }),
    ).find('example');
    expect(network).toMatchObject({ displayName: 'Example', kinds: ['text'], visibilityDelayMs: 45_000 });
  });

  it('has no delay of its own without a look-up, and no network where nothing publishes', () => {
    expect(publishingNetworksOf(sourceWith({ publish: { kinds: ['text'] } })).find('example')).toMatchObject({
      visibilityDelayMs: 0,
    });
    expect(publishingNetworksOf(sourceWith({})).find('other')).toBeUndefined();
  });
});
