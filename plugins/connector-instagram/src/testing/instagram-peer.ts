import type { NetworkPeer, ViewedPost } from '@chorus/connector-testkit';
import type { InstagramFake } from './fake/instagram-fake.js';
import type { AccountRecord } from './fake/instagram-state.js';

interface Node {
  caption?: string;
  text?: string;
  media_type?: string;
  alt_text?: string | null;
  children?: { data: { alt_text: string | null }[] };
  parent_id?: string;
  media?: { id: string };
  like_count?: number;
  hidden?: boolean;
}

/** Another Instagram user: acts in the app (through the fake's world), looks through the Graph API. */
export class InstagramPeer implements NetworkPeer {
  constructor(
    private readonly fake: InstagramFake,
    private readonly user: AccountRecord,
    private readonly target: AccountRecord,
    private readonly token: string,
  ) {}

  reply(remoteId: string, text: string) {
    return Promise.resolve({ remoteId: this.fake.world.comment(this.user, remoteId, text) });
  }

  mention(text: string) {
    return Promise.resolve({
      remoteId: this.fake.world.tag(this.user, this.target, `@${this.target.username} ${text}`),
    });
  }

  directMessage(text: string) {
    return Promise.resolve({ remoteId: this.fake.world.message(this.user, this.target, text) });
  }

  like(remoteId: string): Promise<void> {
    this.fake.world.like(this.user, remoteId);
    return Promise.resolve();
  }

  repost(remoteId: string): Promise<void> {
    this.fake.world.share(remoteId);
    return Promise.resolve();
  }

  follow(): Promise<void> {
    this.fake.world.follow(this.target);
    return Promise.resolve();
  }

  async view(remoteId: string): Promise<ViewedPost | null> {
    const response = await fetch(`${this.fake.instagramHost.url}/v25.0/${remoteId}`, {
      headers: { authorization: `Bearer ${this.token}` },
    });
    if (response.status === 400) {
      return null;
    }
    if (!response.ok) {
      throw new Error(`peer could not read ${remoteId}: HTTP ${response.status}`);
    }
    const node = (await response.json()) as Node;
    if (node.text !== undefined) {
      return {
        text: node.text,
        media: [],
        inReplyTo: node.parent_id ?? node.media?.id ?? null,
        likes: node.like_count,
        hidden: node.hidden,
      };
    }
    const media = node.children
      ? node.children.data.map((child) => ({ kind: 'image', altText: child.alt_text }))
      : [{ kind: node.media_type === 'VIDEO' ? 'video' : 'image', altText: node.alt_text ?? null }];
    return { text: node.caption ?? '', media, inReplyTo: null, likes: node.like_count };
  }
}
