import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classifyError, createLogger, type InvalidContentError, type LogRecord } from '@chorus/connector-sdk';
import { connectedYoutube, failure, type ConnectedYoutube } from './support/connected-youtube.js';

describe('YouTube comment threads (fixture notes 8.7)', () => {
  let yt: ConnectedYoutube;
  beforeEach(async () => {
    yt = await connectedYoutube({}, { inboxThreadPages: 3 });
  });
  afterEach(() => yt.close());

  const publish = async (text: string) =>
    (await yt.connector.publish!(yt.credentials, yt.input(text))).remoteId;

  it('comment threads with nextPageToken: 150 threads over two pages all arrive, oldest first, then nothing', async () => {
    const videoId = await publish('Popular');
    for (let index = 0; index < 150; index += 1) {
      await yt.setup.peer.reply(videoId, `Comment ${index}`);
    }
    const page = await yt.connector.inbox!.pull!(yt.credentials, { cursor: null });
    expect(page.interactions).toHaveLength(150);
    expect(new Set(page.interactions.map((item) => item.remoteId)).size).toBe(150);
    expect(page.interactions[0]).toMatchObject({
      kind: 'comment',
      conversationId: videoId,
      inReplyToRemoteId: videoId,
    });
    const threadCalls = yt.setup.fake.log.filter((entry) => entry.path === '/youtube/v3/commentThreads');
    expect(threadCalls.length).toBeGreaterThanOrEqual(2);
    const again = await yt.connector.inbox!.pull!(yt.credentials, { cursor: page.cursor });
    expect(again.interactions).toEqual([]);
  });

  it('more new threads than inboxThreadPages can read are not skipped silently: a warning names the gap', async () => {
    await yt.close();
    const records: LogRecord[] = [];
    yt = await connectedYoutube(
      {},
      { inboxThreadPages: 1 },
      createLogger({ sink: (record) => records.push(record) }),
    );
    const videoId = await publish('Flooded');
    await yt.setup.peer.reply(videoId, 'Already seen');
    const cursor = (await yt.connector.inbox!.pull!(yt.credentials, { cursor: null })).cursor;
    yt.setup.fake.advance(1000);
    for (let index = 0; index < 101; index += 1) {
      await yt.setup.peer.reply(videoId, `Comment ${index}`);
    }
    const page = await yt.connector.inbox!.pull!(yt.credentials, { cursor });
    expect(page.interactions).toHaveLength(100);
    expect(records).toContainEqual(
      expect.objectContaining({ message: 'youtube.inbox-pages-exhausted', pages: 1 }),
    );
  });

  it('every reply of a busy thread arrives, beyond the few the thread carries', async () => {
    const videoId = await publish('Discussed');
    const cursor = (await yt.connector.inbox!.pull!(yt.credentials, { cursor: null })).cursor;
    const top = await yt.setup.peer.reply(videoId, 'Top');
    for (let index = 0; index < 7; index += 1) {
      await yt.setup.peer.reply(top.remoteId, `Reply ${index}`);
    }
    const page = await yt.connector.inbox!.pull!(yt.credentials, { cursor });
    expect(page.interactions.map((item) => item.text)).toEqual([
      'Top',
      ...Array.from({ length: 7 }, (_v, i) => `Reply ${i}`),
    ]);
    expect(page.interactions[1]).toMatchObject({ inReplyToRemoteId: top.remoteId, conversationId: videoId });
  });

  it('a limit delivers the oldest first and the cursor picks up the rest', async () => {
    const videoId = await publish('Limited');
    for (let index = 0; index < 5; index += 1) {
      await yt.setup.peer.reply(videoId, `C${index}`);
      // Each a millisecond apart: comments of one instant have no order but the API's (ties are covered by
      // the cursor's ids, not by this test).
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const first = await yt.connector.inbox!.pull!(yt.credentials, { cursor: null, limit: 2 });
    const second = await yt.connector.inbox!.pull!(yt.credentials, { cursor: first.cursor });
    expect([...first.interactions, ...second.interactions].map((item) => item.text)).toEqual([
      'C0',
      'C1',
      'C2',
      'C3',
      'C4',
    ]);
  });

  it('setModerationStatus 204: hide holds the comment for review, unhide publishes it again', async () => {
    const videoId = await publish('Moderated');
    const comment = await yt.setup.peer.reply(videoId, 'Rude');
    await yt.connector.inbox!.hide!(yt.credentials, { remoteId: comment.remoteId, hidden: true });
    expect(yt.setup.fake.log.at(-1)).toMatchObject({
      path: '/youtube/v3/comments/setModerationStatus',
      status: 204,
    });
    expect(yt.setup.fake.state.comments.get(comment.remoteId)?.moderationStatus).toBe('heldForReview');
    await yt.connector.inbox!.hide!(yt.credentials, { remoteId: comment.remoteId, hidden: false });
    expect(yt.setup.fake.state.comments.get(comment.remoteId)?.moderationStatus).toBe('published');
  });

  it("delete rejects someone else's comment and deletes the channel's own; a second delete is harmless", async () => {
    const videoId = await publish('Cleaned');
    const spam = await yt.setup.peer.reply(videoId, 'Spam');
    await yt.setup.peer.reply(videoId, 'A question');
    await yt.connector.inbox!.delete!(yt.credentials, { remoteId: spam.remoteId });
    expect(yt.setup.fake.state.comments.get(spam.remoteId)?.moderationStatus).toBe('rejected');
    const pulled = await yt.connector.inbox!.pull!(yt.credentials, { cursor: null });
    const answer = await yt.connector.inbox!.reply!(yt.credentials, {
      to: pulled.interactions.find((item) => item.text === 'A question')!,
      text: 'Our answer',
      idempotencyKey: 'a1',
    });
    await yt.connector.inbox!.delete!(yt.credentials, { remoteId: answer.remoteId });
    expect(yt.setup.fake.state.comments.get(answer.remoteId)?.deleted).toBe(true);
    await yt.connector.inbox!.delete!(yt.credentials, { remoteId: answer.remoteId });
  });

  it('commentsDisabled 403: a reply on a video with comments off is invalid content', async () => {
    const videoId = await publish('Quiet');
    const comment = await yt.setup.peer.reply(videoId, 'Before');
    const page = await yt.connector.inbox!.pull!(yt.credentials, { cursor: null });
    yt.setup.fake.state.videos.get(videoId)!.commentsDisabled = true;
    const error = classifyError(
      await failure(
        yt.connector.inbox!.reply!(yt.credentials, {
          to: page.interactions.find((item) => item.remoteId === comment.remoteId)!,
          text: 'After',
          idempotencyKey: 'k',
        }),
      ),
      'inbox.reply',
    );
    expect(error.kind).toBe('invalid-content');
    expect((error as InvalidContentError).issues[0]?.code).toBe('youtube:commentsDisabled');
  });

  it("the channel's own comments are not delivered to its inbox", async () => {
    const videoId = await publish('Own words');
    await yt.connector.publish!(
      yt.credentials,
      yt.input('With a first comment', { firstComment: { text: 'Pinned?' } }),
    );
    await yt.setup.peer.reply(videoId, 'From a viewer');
    const page = await yt.connector.inbox!.pull!(yt.credentials, { cursor: null });
    expect(page.interactions.map((item) => item.text)).toEqual(['From a viewer']);
  });
});
