import type { NetworkPeer, ViewedPost } from '@chorus/connector-testkit';
import type { FacebookFake } from './fake/facebook-fake.js';
import type { PageRecord, UserRecord } from './fake/facebook-state.js';

interface ViewedNode {
  id: string;
  message?: string;
  link?: string;
  parent?: { id: string };
  object?: { id: string };
  is_hidden?: boolean;
  like_count?: number;
  attachments?: { data: { type: string; description: string | null }[] };
  description?: string;
  status?: unknown;
}

/**
 * Another Facebook user. People comment, react, share, follow and message on facebook.com, not through the
 * API, so those go through the fake's world; what the user sees is read through the Graph API with their token.
 */
export class FacebookPeer implements NetworkPeer {
  constructor(
    private readonly fake: FacebookFake,
    private readonly user: UserRecord,
    private readonly page: PageRecord,
    private readonly token: string,
  ) {}

  reply(remoteId: string, text: string) {
    return Promise.resolve({ remoteId: this.fake.world.comment(this.user, remoteId, text).id });
  }

  mention(text: string) {
    return Promise.resolve({
      remoteId: this.fake.world.mention(this.user, this.page, `@${this.page.name} ${text}`).id,
    });
  }

  directMessage(text: string) {
    return Promise.resolve({ remoteId: this.fake.world.message(this.user, this.page, text) });
  }

  like(remoteId: string): Promise<void> {
    this.fake.world.react(this.user, remoteId);
    return Promise.resolve();
  }

  repost(remoteId: string): Promise<void> {
    this.fake.world.share(remoteId);
    return Promise.resolve();
  }

  follow(): Promise<void> {
    this.fake.world.follow(this.page);
    return Promise.resolve();
  }

  async view(remoteId: string): Promise<ViewedPost | null> {
    const response = await fetch(`${this.fake.url}/v25.0/${remoteId}`, {
      headers: { authorization: `Bearer ${this.token}` },
    });
    if (response.status === 400) {
      const body = (await response.json()) as { error?: { code?: number } };
      if (body.error?.code === 100) {
        return null;
      }
      throw new Error(`peer could not read ${remoteId}: ${JSON.stringify(body)}`);
    }
    if (!response.ok) {
      throw new Error(`peer could not read ${remoteId}: HTTP ${response.status}`);
    }
    const node = (await response.json()) as ViewedNode;
    if (node.status !== undefined) {
      // A video: its post is the video itself.
      return { text: node.description ?? '', media: [{ kind: 'video', altText: null }], inReplyTo: null };
    }
    return {
      text: node.message ?? '',
      media: (node.attachments?.data ?? []).map((item) => ({
        kind: item.type.startsWith('video') ? 'video' : item.type,
        altText: item.description,
      })),
      inReplyTo: node.parent?.id ?? node.object?.id ?? null,
      link: node.link ?? null,
      likes: node.like_count,
      hidden: node.is_hidden,
    };
  }
}
