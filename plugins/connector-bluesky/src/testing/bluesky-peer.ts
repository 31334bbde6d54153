import { Buffer } from 'node:buffer';
import type { NetworkPeer, ViewedPost } from '@chorus/connector-testkit';
import type { PostView } from '../xrpc/lexicon.js';
import { createdRecord } from './network/created-record.js';
import type { TestAccount } from './network/test-accounts.js';
import { xrpc } from './network/test-accounts.js';
import type { BlueskyTestNetwork } from './network/test-network.js';

interface EmbedView {
  readonly $type?: string;
  readonly images?: readonly { readonly alt?: string }[];
  readonly alt?: string;
  readonly external?: { readonly uri: string };
  readonly media?: EmbedView;
}

/**
 * Another user of the local network, acting through the PDS's API as any Bluesky app does. Every action waits
 * until the AppView has indexed it, so that what the connector reads next already shows it.
 */
export class BlueskyPeer implements NetworkPeer {
  constructor(
    private readonly network: BlueskyTestNetwork,
    private readonly self: TestAccount,
    private readonly target: TestAccount,
  ) {}

  async reply(remoteId: string, text: string): Promise<{ remoteId: string }> {
    const parent = await this.post(remoteId);
    const parentRef = { uri: parent.uri, cid: parent.cid };
    return this.create('app.bsky.feed.post', {
      text,
      reply: { root: parent.record.reply?.root ?? parentRef, parent: parentRef },
    });
  }

  async mention(text: string): Promise<{ remoteId: string }> {
    const mention = `@${this.target.handle}`;
    const full = `${mention} ${text}`;
    return this.create('app.bsky.feed.post', {
      text: full,
      facets: [
        {
          index: { byteStart: 0, byteEnd: Buffer.byteLength(mention) },
          features: [{ $type: 'app.bsky.richtext.facet#mention', did: this.target.did }],
        },
      ],
    });
  }

  async like(remoteId: string): Promise<void> {
    const post = await this.post(remoteId);
    await this.create('app.bsky.feed.like', { subject: { uri: post.uri, cid: post.cid } });
  }

  async repost(remoteId: string): Promise<void> {
    const post = await this.post(remoteId);
    await this.create('app.bsky.feed.repost', { subject: { uri: post.uri, cid: post.cid } });
  }

  async follow(): Promise<void> {
    await this.create('app.bsky.graph.follow', { subject: this.target.did });
  }

  async view(remoteId: string): Promise<ViewedPost | null> {
    await this.network.processAll();
    const post = await this.find(remoteId);
    if (!post) {
      return null;
    }
    const embed = post.embed as EmbedView | undefined;
    return {
      text: post.record.text ?? '',
      media: mediaOf(embed),
      inReplyTo: post.record.reply?.parent.uri ?? null,
      link: embed?.external?.uri ?? null,
      likes: post.likeCount ?? 0,
      hidden: await this.hidden(post),
    };
  }

  private async hidden(post: PostView): Promise<boolean> {
    const root = post.record.reply?.root.uri;
    if (!root) {
      return false;
    }
    const thread = await xrpc<{ threadgate?: { record?: { hiddenReplies?: string[] } } }>(
      this.network,
      'app.bsky.feed.getPostThread',
      { params: { uri: root, depth: '0' }, token: this.self.accessJwt },
    );
    return thread.threadgate?.record?.hiddenReplies?.includes(post.uri) ?? false;
  }

  private async post(uri: string): Promise<PostView> {
    await this.network.processAll();
    const post = await this.find(uri);
    if (!post) {
      throw new Error(`the peer cannot see ${uri}`);
    }
    return post;
  }

  private async find(uri: string): Promise<PostView | undefined> {
    const { posts } = await xrpc<{ posts: PostView[] }>(this.network, 'app.bsky.feed.getPosts', {
      params: { uris: [uri] },
      token: this.self.accessJwt,
    });
    return posts[0];
  }

  private async create(collection: string, record: Record<string, unknown>): Promise<{ remoteId: string }> {
    const created = await createdRecord(this.network, this.self, collection, record);
    await this.network.processAll();
    return { remoteId: created.uri };
  }
}

function mediaOf(embed: EmbedView | undefined): ViewedPost['media'] {
  if (!embed) {
    return [];
  }
  if (embed.media) {
    return mediaOf(embed.media);
  }
  if (embed.images) {
    return embed.images.map((image) => ({ kind: 'image', altText: image.alt ?? null }));
  }
  if (embed.$type === 'app.bsky.embed.video#view') {
    return [{ kind: 'video', altText: embed.alt ?? null }];
  }
  return [];
}
