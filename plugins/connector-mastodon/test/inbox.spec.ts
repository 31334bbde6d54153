import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectedMastodon, type ConnectedMastodon } from './support/connected-mastodon.js';

let mastodon: ConnectedMastodon;

beforeAll(async () => {
  mastodon = await connectedMastodon();
});

afterAll(async () => {
  await mastodon.setup.teardown?.();
});

describe('the Mastodon inbox', () => {
  it('walks forward through several pages of notifications from the cursor, oldest first, each once', async () => {
    const { connector, credentials, setup } = mastodon;
    const start = await connector.inbox!.pull!(credentials, { cursor: null });
    const peer = setup.peer!;
    for (let index = 0; index < 45; index += 1) {
      await peer.mention!(`ping ${index}`);
    }
    const page = await connector.inbox!.pull!(credentials, { cursor: start.cursor });
    expect(page.interactions.map((item) => item.text)).toEqual(
      Array.from({ length: 45 }, (_value, index) => `@chorus ping ${index}`),
    );
    const again = await connector.inbox!.pull!(credentials, { cursor: page.cursor });
    expect(again.interactions).toEqual([]);
    expect(again.cursor).toBe(page.cursor);
  });

  it("gives a direct message the server's conversation id, and a reply the root of its thread", async () => {
    const { connector, credentials, setup } = mastodon;
    const start = await connector.inbox!.pull!(credentials, { cursor: null });
    const peer = setup.peer!;
    const message = await peer.directMessage!('a secret');
    const root = await connector.publish!(credentials, {
      idempotencyKey: 'root',
      fingerprint: 'root',
      post: { text: 'Root' },
    });
    const first = await peer.reply!(root.remoteId, 'first');
    const nested = await peer.reply!(first.remoteId, 'nested');
    const page = await connector.inbox!.pull!(credentials, { cursor: start.cursor });
    const byId = new Map(page.interactions.map((item) => [item.remoteId, item]));
    const conversation = setup.fake.state.conversations.find(
      (item) => item.ownerId !== setup.fake.state.accountByUsername('peer')!.id,
    );
    expect(byId.get(message.remoteId)).toMatchObject({
      kind: 'direct-message',
      conversationId: conversation!.id,
    });
    expect(byId.get(first.remoteId)).toMatchObject({ kind: 'comment', conversationId: root.remoteId });
    expect(byId.get(nested.remoteId)).toMatchObject({
      kind: 'mention',
      conversationId: root.remoteId,
      inReplyToRemoteId: first.remoteId,
    });
  });
});
