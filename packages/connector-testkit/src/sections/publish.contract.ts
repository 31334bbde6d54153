import { describe, expect } from 'vitest';
import type { ConnectorManifest, ContentKind, PostInput, PublishResult } from '@chorus/connector-sdk';
import type { Harness, HarnessHolder } from '../harness.js';
import { unique, withBase } from '../harness.js';
import { itWhenDeclared, required } from '../declared.js';
import { textOfLength } from '../text-builder.js';

const KINDS: readonly ContentKind[] = [
  'text',
  'link',
  'image',
  'video',
  'gif',
  'thread',
  'first-comment',
  'poll',
];

export async function publishPost(harness: Harness, post: PostInput): Promise<PublishResult> {
  const key = unique('contract');
  return harness.connector.publish!(harness.credentials, {
    idempotencyKey: key,
    fingerprint: key,
    post: withBase(harness, post),
  });
}

export function publishContract(manifest: ConnectorManifest, holder: HarnessHolder, timeout: number): void {
  const declared = new Set(manifest.capabilities.publish?.kinds ?? []);
  describe('publish', () => {
    for (const kind of KINDS) {
      itWhenDeclared(
        declared.has(kind),
        `publishes ${kind} content that another user then sees`,
        `publish.kinds has no ${kind}`,
        async () => {
          await checks[kind](holder.get());
        },
        timeout,
      );
    }

    itWhenDeclared(
      declared.has('text'),
      `the network accepts text exactly at the limit, counted as ${manifest.limits.text[0]!.counting}`,
      'publish.kinds has no text',
      async () => {
        const harness = holder.get();
        const limits = await harness.connector.limits(harness.credentials);
        const rule = limits.text[0]!;
        const text = required(textOfLength(rule, rule.max, limits.text.slice(1)), 'a text at the limit');
        const result = await publishPost(harness, { text });
        expect(result.remoteId.length).toBeGreaterThan(0);
      },
      timeout,
    );

    const native = manifest.capabilities.publish?.idempotency.kind === 'native';
    itWhenDeclared(
      native,
      'publishing twice with one idempotency key creates one post',
      "publish.idempotency is not 'native'",
      async () => {
        const harness = holder.get();
        const { connector, credentials, setup } = harness;
        const key = unique('twice');
        const input = {
          idempotencyKey: key,
          fingerprint: key,
          post: withBase(harness, { text: unique('Once only') }),
        };
        const before = await setup.network.publishedCount();
        const first = await connector.publish!(credentials, input);
        const second = await connector.publish!(credentials, input);
        expect(second.remoteId).toBe(first.remoteId);
        expect(await setup.network.publishedCount()).toBe(before + 1);
      },
      timeout,
    );
  });
}

const peerOf = (harness: Harness) =>
  required(harness.setup.peer, 'setup.peer (another user, to look at what was published)');

async function viewed(harness: Harness, remoteId: string) {
  const post = await peerOf(harness).view(remoteId);
  expect(post, `another user should see post ${remoteId}`).not.toBeNull();
  return post!;
}

const checks: Record<ContentKind, (harness: Harness) => Promise<void>> = {
  async text(harness) {
    const text = unique('Contract text post');
    const result = await publishPost(harness, { text });
    expect(result.url).toMatch(/^https?:\/\//);
    expect((await viewed(harness, result.remoteId)).text).toContain(text);
  },
  async link(harness) {
    const url = `https://example.com/contract/${unique('link').replace(' ', '-')}`;
    const result = await publishPost(harness, { text: unique('Read this'), link: { url } });
    const post = await viewed(harness, result.remoteId);
    expect(post.link === url || post.text.includes(url), 'the link is carried by the post').toBe(true);
  },
  async image(harness) {
    const image = required(harness.setup.media?.image, 'setup.media.image')();
    const altText = unique('A test image');
    const result = await publishPost(harness, {
      text: unique('With an image'),
      media: [{ ...image, altText }],
    });
    const post = await viewed(harness, result.remoteId);
    expect(post.media).toHaveLength(1);
    // Alt text is checked where the network has it for images (TikTok photo posts have none).
    if (harness.manifest.limits.media?.image?.altText) {
      expect(post.media[0]?.altText).toBe(altText);
    }
  },
  async video(harness) {
    const video = required(harness.setup.media?.video, 'setup.media.video')();
    const result = await publishPost(harness, {
      text: unique('With a video'),
      media: [{ ...video, altText: 'A clip' }],
    });
    expect((await viewed(harness, result.remoteId)).media).toHaveLength(1);
  },
  async gif(harness) {
    const gif = required(harness.setup.media?.gif, 'setup.media.gif')();
    const result = await publishPost(harness, {
      text: unique('With a GIF'),
      media: [{ ...gif, altText: 'A loop' }],
    });
    expect((await viewed(harness, result.remoteId)).media).toHaveLength(1);
  },
  async thread(harness) {
    const limits = await harness.connector.limits(harness.credentials);
    const parts = Math.min(2, (limits.thread?.maxPosts ?? 3) - 1);
    const thread = Array.from({ length: parts }, (_value, index) => ({ text: unique(`Part ${index + 2}`) }));
    const result = await publishPost(harness, { text: unique('Part 1'), thread });
    expect(result.thread).toHaveLength(parts);
    let previous = result.remoteId;
    for (const [index, part] of (result.thread ?? []).entries()) {
      const post = await viewed(harness, part.remoteId);
      expect(post.text).toContain(thread[index]!.text);
      expect(post.inReplyTo).toBe(previous);
      previous = part.remoteId;
    }
  },
  async 'first-comment'(harness) {
    const comment = unique('First comment');
    const result = await publishPost(harness, {
      text: unique('With a first comment'),
      firstComment: { text: comment },
    });
    const firstComment = required(result.firstComment, 'a firstComment in the publish result');
    const post = await viewed(harness, firstComment.remoteId);
    expect(post.text).toContain(comment);
    expect(post.inReplyTo).toBe(result.remoteId);
  },
  async poll(harness) {
    const limits = required((await harness.connector.limits(harness.credentials)).poll, 'poll limits');
    const durationSeconds = Math.min(Math.max(limits.minDurationSeconds, 86_400), limits.maxDurationSeconds);
    const result = await publishPost(harness, {
      text: unique('Which one?'),
      poll: { options: ['this', 'that'], durationSeconds },
    });
    expect((await viewed(harness, result.remoteId)).poll?.options).toEqual(['this', 'that']);
  },
};
