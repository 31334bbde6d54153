import { afterEach, describe, expect, it } from 'vitest';
import { connectedReddit, type ConnectedReddit } from './support/connected-reddit.js';

let current: ConnectedReddit | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

describe('the inbox by polling (network-apis.md 12.3)', () => {
  it('a pull limited to a few items goes on from there: nothing lost, nothing twice, even within one second', async () => {
    const reddit = (current = await connectedReddit());
    const start = (await reddit.connector.inbox!.pull!(reddit.credentials, { cursor: null })).cursor;
    const post = await reddit.publish({ text: 'Talk to me' });
    const sent: string[] = [];
    for (let n = 0; n < 7; n += 1) {
      sent.push((await reddit.setup.peer.reply(post.remoteId, `Reply ${n}`)).remoteId);
    }
    const seen: string[] = [];
    let cursor = start;
    for (let pull = 0; pull < 5; pull += 1) {
      const page = await reddit.connector.inbox!.pull!(reddit.credentials, { cursor, limit: 3 });
      seen.push(...page.interactions.map((item) => item.remoteId));
      cursor = page.cursor;
    }
    expect(seen).toEqual(sent);
    const again = await reddit.connector.inbox!.pull!(reddit.credentials, { cursor });
    expect(again.interactions).toEqual([]);
    expect(again.cursor).toBe(cursor);
  });

  it('replies, mentions and messages are told apart and grouped; the account own messages are left out', async () => {
    const reddit = (current = await connectedReddit());
    const start = (await reddit.connector.inbox!.pull!(reddit.credentials, { cursor: null })).cursor;
    const post = await reddit.publish({ text: 'Hello' });
    const comment = await reddit.setup.peer.reply(post.remoteId, 'First!');
    const mention = await reddit.setup.peer.mention('what do you think?');
    const message = await reddit.setup.peer.directMessage('Can we talk?');
    const page = await reddit.connector.inbox!.pull!(reddit.credentials, { cursor: start });
    const byId = new Map(page.interactions.map((item) => [item.remoteId, item]));
    expect(byId.get(comment.remoteId)).toMatchObject({
      kind: 'comment',
      conversationId: post.remoteId,
      inReplyToRemoteId: post.remoteId,
      author: { handle: 'peeruser', url: 'https://www.reddit.com/user/peeruser' },
    });
    expect(byId.get(comment.remoteId)?.url).toMatch(
      /^https:\/\/www\.reddit\.com\/r\/chorus_test\/comments\/.*\?context=3$/u,
    );
    expect(byId.get(mention.remoteId)).toMatchObject({
      kind: 'mention',
      text: 'u/chorusbrand what do you think?',
    });
    expect(byId.get(message.remoteId)).toMatchObject({
      kind: 'direct-message',
      conversationId: message.remoteId,
    });
    const answer = await reddit.connector.inbox!.reply!(reddit.credentials, {
      to: byId.get(message.remoteId)!,
      text: 'Sure',
      idempotencyKey: 'a1',
    });
    expect(answer.remoteId).toMatch(/^t4_/u);
    const followUp = await reddit.setup.peer.call('POST', '/api/comment', {
      thing_id: answer.remoteId,
      text: 'Great',
      api_type: 'json',
    });
    const next = await reddit.connector.inbox!.pull!(reddit.credentials, { cursor: page.cursor });
    expect(next.interactions).toHaveLength(1);
    expect(next.interactions[0]).toMatchObject({
      kind: 'direct-message',
      text: 'Great',
      conversationId: message.remoteId,
    });
    expect(followUp).toBeDefined();
  });

  it('a cursor the connector cannot read starts over instead of failing', async () => {
    const reddit = (current = await connectedReddit());
    const page = await reddit.connector.inbox!.pull!(reddit.credentials, { cursor: 'not-a-cursor' });
    expect(page.cursor).not.toBeNull();
  });
});
