import type { NetworkPeer, ViewedPost } from '@chorus/connector-testkit';
import type { TikTokFake } from './fake/tiktok-fake.js';
import { nextId, type UserRecord } from './fake/fake-state.js';

/**
 * Another TikTok user. TikTok's public APIs let no app comment, like or share for a user (network-apis.md 7.3),
 * so the peer acts in the fake's world the way the TikTok app would, and sees a post as its audience would:
 * a private post (SELF_ONLY) is invisible to it.
 */
export class TikTokPeer implements NetworkPeer {
  constructor(
    private readonly fake: TikTokFake,
    private readonly user: UserRecord,
    private readonly account: UserRecord,
  ) {}

  private post(remoteId: string) {
    const post = this.fake.state.posts.get(remoteId);
    if (!post) {
      throw new Error(`peer: no TikTok post ${remoteId}`);
    }
    return post;
  }

  reply(remoteId: string, text: string) {
    const id = nextId();
    this.post(remoteId).comments.push({ id, postId: remoteId, authorOpenId: this.user.openId, text });
    return Promise.resolve({ remoteId: id });
  }

  like(remoteId: string) {
    this.post(remoteId).likes += 1;
    return Promise.resolve();
  }

  repost(remoteId: string) {
    this.post(remoteId).shares += 1;
    return Promise.resolve();
  }

  watch(remoteId: string) {
    this.post(remoteId).views += 1;
    return Promise.resolve();
  }

  follow() {
    this.account.followers.add(this.user.openId);
    return Promise.resolve();
  }

  view(remoteId: string): Promise<ViewedPost | null> {
    const post = this.fake.state.posts.get(remoteId);
    if (!post || post.privacyLevel === 'SELF_ONLY') {
      return Promise.resolve(null);
    }
    const media =
      post.kind === 'video'
        ? [{ kind: 'video', altText: null }]
        : Array.from({ length: post.imageCount }, () => ({ kind: 'image', altText: null }));
    return Promise.resolve({ text: post.description, media, inReplyTo: null, likes: post.likes });
  }
}
