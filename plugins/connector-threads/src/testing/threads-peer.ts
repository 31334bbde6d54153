import type { NetworkPeer, ViewedPost } from '@chorus/connector-testkit';
import type { ThreadsFake } from './fake/threads-fake.js';
import type { UserRecord } from './fake/threads-state.js';

interface Node {
  text?: string;
  media_type?: string;
  alt_text?: string | null;
  replied_to?: { id: string };
  link_attachment_url?: string | null;
  hide_status?: string;
}

/** Another Threads user: acts in the app (the fake's world), reads through the API with their own token. */
export class ThreadsPeer implements NetworkPeer {
  constructor(
    private readonly fake: ThreadsFake,
    private readonly user: UserRecord,
    private readonly target: UserRecord,
    private readonly token: string,
  ) {}

  reply(remoteId: string, text: string) {
    return Promise.resolve({ remoteId: this.fake.world.post(this.user, text, remoteId) });
  }

  mention(text: string) {
    return Promise.resolve({ remoteId: this.fake.world.post(this.user, `@${this.target.username} ${text}`) });
  }

  like(remoteId: string): Promise<void> {
    this.fake.world.like(this.user, remoteId);
    return Promise.resolve();
  }

  repost(remoteId: string): Promise<void> {
    this.fake.world.repost(remoteId);
    return Promise.resolve();
  }

  follow(): Promise<void> {
    this.fake.world.follow(this.target);
    return Promise.resolve();
  }

  async view(remoteId: string): Promise<ViewedPost | null> {
    const response = await fetch(`${this.fake.url}/v1.0/${remoteId}`, {
      headers: { authorization: `Bearer ${this.token}` },
    });
    if (response.status === 400) {
      return null;
    }
    if (!response.ok) {
      throw new Error(`peer could not read ${remoteId}: HTTP ${response.status}`);
    }
    const node = (await response.json()) as Node;
    const media =
      node.media_type && node.media_type !== 'TEXT_POST'
        ? [{ kind: node.media_type.toLowerCase(), altText: node.alt_text ?? null }]
        : [];
    return {
      text: node.text ?? '',
      media,
      inReplyTo: node.replied_to?.id ?? null,
      link: node.link_attachment_url ?? null,
      hidden: node.hide_status === 'HIDDEN',
    };
  }
}
