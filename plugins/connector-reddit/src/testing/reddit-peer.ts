import type { NetworkPeer, ViewedPost } from '@chorus/connector-testkit';
import type { RedditFake } from './fake/reddit-fake.js';
import type { UserRecord } from './fake/fake-state.js';

export const PEER_SCOPES = ['identity', 'submit', 'read', 'vote', 'privatemessages', 'history'];
export const PEER_USER_AGENT = 'server:chorus-peer:1.0.0 (by /u/peeruser)';

type Json = Record<string, unknown>;

/** Another Reddit user, acting through the fake's API with their own token. */
export class RedditPeer implements NetworkPeer {
  private ownPost: string | undefined;

  constructor(
    private readonly fake: RedditFake,
    private readonly user: UserRecord,
    private readonly account: UserRecord,
    private readonly token: string,
    private readonly subreddit: string,
  ) {}

  async call(method: 'GET' | 'POST', path: string, form?: Record<string, string>): Promise<Json> {
    const response = await fetch(`${this.fake.url}${path}`, {
      method,
      headers: {
        authorization: `bearer ${this.token}`,
        'user-agent': PEER_USER_AGENT,
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    const json = (await response.json()) as Json;
    const errors = (json.json as { errors?: unknown[] } | undefined)?.errors ?? [];
    if (!response.ok || errors.length > 0) {
      throw new Error(`peer ${method} ${path}: HTTP ${response.status} ${JSON.stringify(json)}`);
    }
    return json;
  }

  private async comment(thingId: string, text: string): Promise<{ remoteId: string }> {
    const json = await this.call('POST', '/api/comment', { thing_id: thingId, text, api_type: 'json' });
    const things = (json.json as { data: { things: { data: { name: string } }[] } }).data.things;
    return { remoteId: things[0]!.data.name };
  }

  reply(remoteId: string, text: string) {
    return this.comment(remoteId, text);
  }

  /** A comment naming the account (`u/<name>`) under a post of this user's. */
  async mention(text: string) {
    this.ownPost ??= await this.submit('A thread of mine', 'Where people talk.');
    return this.comment(this.ownPost, `u/${this.account.name} ${text}`);
  }

  async submit(title: string, text: string): Promise<string> {
    const json = await this.call('POST', '/api/submit', {
      sr: this.subreddit,
      kind: 'self',
      title,
      text,
      api_type: 'json',
    });
    return (json.json as { data: { name: string } }).data.name;
  }

  async directMessage(text: string) {
    await this.call('POST', '/api/compose', {
      to: this.account.name,
      subject: 'Hello',
      text,
      api_type: 'json',
    });
    const sent = await this.call('GET', '/message/sent?limit=1');
    const children = (sent.data as { children: { data: { name: string } }[] }).children;
    return { remoteId: children[0]!.data.name };
  }

  async like(remoteId: string) {
    await this.call('POST', '/api/vote', { id: remoteId, dir: '1' });
  }

  /** A crosspost to another community; crossposting is not in the documented API, so the fake counts it. */
  repost(remoteId: string) {
    const post = this.fake.state.posts.get(remoteId);
    if (!post) {
      return Promise.reject(new Error(`no post ${remoteId} to crosspost`));
    }
    post.crossposts += 1;
    return Promise.resolve();
  }

  /** Subscribes to the account's profile, which is what following a Reddit user is. */
  follow() {
    this.fake.state.subreddit(`u_${this.account.name}`)?.subscribers.add(this.user.id);
    return Promise.resolve();
  }

  async view(remoteId: string): Promise<ViewedPost | null> {
    const json = await this.call('GET', `/api/info?id=${encodeURIComponent(remoteId)}`);
    const child = (json.data as { children: { kind: string; data: Json }[] }).children[0];
    if (!child || child.data.author === '[deleted]') {
      return null;
    }
    const { data } = child;
    if (child.kind === 't1') {
      return {
        text: String(data.body),
        media: [],
        inReplyTo: String(data.parent_id),
        likes: Number(data.ups),
        hidden: data.body === '[removed]',
      };
    }
    const gallery = (data.gallery_data as { items: { caption?: string }[] } | undefined)?.items;
    const media = gallery
      ? gallery.map((item) => ({ kind: 'image', altText: item.caption ?? null }))
      : data.post_hint === 'image'
        ? [{ kind: 'image', altText: null }]
        : data.is_video === true
          ? [{ kind: 'video', altText: null }]
          : [];
    return {
      text: String(data.selftext),
      media,
      inReplyTo: null,
      link: data.post_hint === 'link' ? String(data.url) : null,
      likes: Number(data.ups),
      hidden: data.removed_by_category !== null,
    };
  }
}
