import { describe, expect } from 'vitest';
import type { ConnectorManifest, Credentials, Interaction, InteractionKind } from '@chorus/connector-sdk';
import type { Harness, HarnessHolder } from '../harness.js';
import { unique } from '../harness.js';
import { itWhenDeclared, required } from '../declared.js';
import { publishPost } from './publish.contract.js';

/** Pulls until an interaction matching `find` arrives (networks index with a small delay), from `cursor`. */
async function pullUntil(
  harness: Harness,
  credentials: Credentials,
  cursor: string | null,
  find: (item: Interaction) => boolean,
) {
  const pull = harness.connector.inbox!.pull!;
  let current = cursor;
  const seen: Interaction[] = [];
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const page = await pull(credentials, { cursor: current });
    seen.push(...page.interactions);
    current = page.cursor;
    const match = seen.find(find);
    if (match) {
      return { match, cursor: current, seen };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `no matching interaction arrived; saw ${seen.map((item) => `${item.kind}:${item.text}`).join(' | ') || 'nothing'}`,
  );
}

async function latestCursor(harness: Harness): Promise<string | null> {
  return (await harness.connector.inbox!.pull!(harness.credentials, { cursor: null })).cursor;
}

export function inboxContract(manifest: ConnectorManifest, holder: HarnessHolder, timeout: number): void {
  const inbox = manifest.capabilities.inbox;
  const pulls = inbox?.pull ?? false;
  const kind = (name: InteractionKind) => pulls && (inbox?.kinds.includes(name) ?? false);
  describe('inbox', () => {
    itWhenDeclared(
      kind('comment'),
      'a reply from another user arrives once as a comment on the post',
      'inbox.kinds has no comment, or no pull',
      async () => {
        const harness = holder.get();
        const peer = required(harness.setup.peer, 'setup.peer');
        const post = await publishPost(harness, { text: unique('Reply to me') });
        const cursor = await latestCursor(harness);
        const text = unique('A comment');
        const reply = await required(peer.reply, 'setup.peer.reply').call(peer, post.remoteId, text);
        const { match, cursor: next } = await pullUntil(
          harness,
          harness.credentials,
          cursor,
          (item) => item.remoteId === reply.remoteId,
        );
        expect(match).toMatchObject({ kind: 'comment', inReplyToRemoteId: post.remoteId });
        expect(match.text).toContain(text);
        expect(match.author.handle.length).toBeGreaterThan(0);
        const again = await harness.connector.inbox!.pull!(harness.credentials, { cursor: next });
        expect(again.interactions.map((item) => item.remoteId)).not.toContain(reply.remoteId);
      },
      timeout,
    );

    itWhenDeclared(
      kind('mention'),
      'a mention by another user arrives as a mention',
      'inbox.kinds has no mention, or no pull',
      async () => {
        const harness = holder.get();
        const cursor = await latestCursor(harness);
        const text = unique('Hello there');
        const peer = required(harness.setup.peer, 'setup.peer');
        const mention = await required(peer.mention, 'setup.peer.mention').call(peer, text);
        const { match } = await pullUntil(
          harness,
          harness.credentials,
          cursor,
          (item) => item.remoteId === mention.remoteId,
        );
        expect(match.kind).toBe('mention');
        expect(match.text).toContain(text);
      },
      timeout,
    );

    itWhenDeclared(
      kind('direct-message'),
      'a direct message arrives with its conversation',
      'inbox.kinds has no direct-message, or no pull',
      async () => {
        const harness = holder.get();
        const cursor = await latestCursor(harness);
        const peer = required(harness.setup.peer, 'setup.peer');
        const send = required(peer.directMessage, 'setup.peer.directMessage');
        const message = await send.call(peer, unique('Psst'));
        const { match } = await pullUntil(
          harness,
          harness.credentials,
          cursor,
          (item) => item.remoteId === message.remoteId,
        );
        expect(match.kind).toBe('direct-message');
        expect(match.conversationId.length).toBeGreaterThan(0);
      },
      timeout,
    );

    itWhenDeclared(
      pulls && (inbox?.reply ?? false),
      'a reply to a comment reaches the other user as an answer to it',
      'inbox.reply is false',
      async () => {
        const harness = holder.get();
        const peer = required(harness.setup.peer, 'setup.peer');
        const post = await publishPost(harness, { text: unique('Ask me') });
        const cursor = await latestCursor(harness);
        const comment = await required(peer.reply, 'setup.peer.reply').call(
          peer,
          post.remoteId,
          unique('A question'),
        );
        const { match } = await pullUntil(
          harness,
          harness.credentials,
          cursor,
          (item) => item.remoteId === comment.remoteId,
        );
        const text = unique('An answer');
        const answer = await harness.connector.inbox!.reply!(harness.credentials, {
          to: match,
          text,
          idempotencyKey: unique('answer'),
        });
        const seen = await peer.view(answer.remoteId);
        expect(seen?.inReplyTo).toBe(comment.remoteId);
        expect(seen?.text).toContain(text);
      },
      timeout,
    );

    itWhenDeclared(
      inbox?.like ?? false,
      'liking a comment counts one like on it',
      'inbox.like is false',
      async () => {
        const harness = holder.get();
        const peer = required(harness.setup.peer, 'setup.peer');
        const post = await publishPost(harness, { text: unique('Like the answers') });
        const comment = await required(peer.reply, 'setup.peer.reply').call(
          peer,
          post.remoteId,
          unique('Likeable'),
        );
        await harness.connector.inbox!.like!(harness.credentials, { remoteId: comment.remoteId });
        expect((await peer.view(comment.remoteId))?.likes).toBe(1);
      },
      timeout,
    );

    itWhenDeclared(
      inbox?.hide ?? false,
      'hiding and unhiding a comment',
      'inbox.hide is false',
      async () => {
        const harness = holder.get();
        const peer = required(harness.setup.peer, 'setup.peer');
        const post = await publishPost(harness, { text: unique('Moderated') });
        const comment = await required(peer.reply, 'setup.peer.reply').call(
          peer,
          post.remoteId,
          unique('Rude'),
        );
        await harness.connector.inbox!.hide!(harness.credentials, {
          remoteId: comment.remoteId,
          hidden: true,
        });
        expect((await peer.view(comment.remoteId))?.hidden).toBe(true);
        await harness.connector.inbox!.hide!(harness.credentials, {
          remoteId: comment.remoteId,
          hidden: false,
        });
        expect((await peer.view(comment.remoteId))?.hidden).toBe(false);
      },
      timeout,
    );

    itWhenDeclared(
      pulls && (inbox?.delete ?? false),
      'deleting a comment received in the inbox removes it from the network',
      'inbox.delete is false, or no pull',
      async () => {
        const harness = holder.get();
        const peer = required(harness.setup.peer, 'setup.peer');
        const post = await publishPost(harness, { text: unique('Delete the spam') });
        const cursor = await latestCursor(harness);
        const comment = await required(peer.reply, 'setup.peer.reply').call(
          peer,
          post.remoteId,
          unique('Spam'),
        );
        const { match } = await pullUntil(
          harness,
          harness.credentials,
          cursor,
          (item) => item.remoteId === comment.remoteId,
        );
        expect(await peer.view(match.remoteId)).not.toBeNull();
        await harness.connector.inbox!.delete!(harness.credentials, { remoteId: match.remoteId });
        expect(await peer.view(match.remoteId)).toBeNull();
      },
      timeout,
    );

    itWhenDeclared(
      inbox?.webhook ?? false,
      'a genuine webhook verifies and parses; a tampered one does not verify',
      'inbox.webhook is false',
      async () => {
        const harness = holder.get();
        const webhook = harness.connector.inbox!.webhook!;
        const delivery = await required(harness.setup.webhook, 'setup.webhook').deliver();
        expect(webhook.verify(delivery)).toBe(true);
        expect(webhook.parse(delivery).length).toBeGreaterThan(0);
        const tampered = new Uint8Array(delivery.rawBody);
        tampered[tampered.length - 2] = (tampered[tampered.length - 2] ?? 0) ^ 1;
        expect(webhook.verify({ ...delivery, rawBody: tampered })).toBe(false);
      },
      timeout,
    );
  });
}
