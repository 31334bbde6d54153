import type { NetworkPeer, ViewedPost } from '@chorus/connector-testkit';
import type { XFake } from './fake/x-fake.js';
import type { UserRecord } from './fake/x-fake-state.js';

export const PEER_SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'dm.read', 'dm.write', 'like.write'];

/** Another X user, acting through the fake's API with their own token. */
export class XPeer implements NetworkPeer {
  constructor(
    private readonly fake: XFake,
    private readonly user: UserRecord,
    private readonly account: UserRecord,
    private readonly token: string,
  ) {}

  private async call(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
    const response = await fetch(`${this.fake.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok) {
      throw new Error(`peer ${method} ${path}: HTTP ${response.status} ${JSON.stringify(json)}`);
    }
    return json;
  }

  private async post(body: unknown): Promise<{ remoteId: string }> {
    const json = await this.call('POST', '/2/tweets', body);
    return { remoteId: (json.data as { id: string }).id };
  }

  reply(remoteId: string, text: string) {
    return this.post({ text, reply: { in_reply_to_tweet_id: remoteId } });
  }

  mention(text: string) {
    return this.post({ text: `@${this.account.username} ${text}` });
  }

  async directMessage(text: string) {
    const json = await this.call('POST', `/2/dm_conversations/with/${this.account.id}/messages`, { text });
    return { remoteId: (json.data as { dm_event_id: string }).dm_event_id };
  }

  async like(remoteId: string) {
    await this.call('POST', `/2/users/${this.user.id}/likes`, { tweet_id: remoteId });
  }

  async repost(remoteId: string) {
    await this.call('POST', `/2/users/${this.user.id}/retweets`, { tweet_id: remoteId });
  }

  follow() {
    this.account.followers.add(this.user.id);
    return Promise.resolve();
  }

  async view(remoteId: string): Promise<ViewedPost | null> {
    const query = new URLSearchParams({
      'tweet.fields': 'referenced_tweets,attachments,public_metrics,entities',
      expansions: 'attachments.media_keys,attachments.poll_ids',
      'media.fields': 'alt_text,type',
    });
    const json = await this.call('GET', `/2/tweets/${remoteId}?${query.toString()}`);
    const data = json.data as
      | {
          text: string;
          entities?: { urls?: { expanded_url: string }[] };
          referenced_tweets?: { type: string; id: string }[];
          public_metrics?: { like_count: number };
        }
      | undefined;
    if (!data) {
      return null;
    }
    const includes = (json.includes ?? {}) as {
      media?: { type: string; alt_text?: string }[];
      polls?: { options: { label: string }[] }[];
    };
    return {
      text: data.text,
      // X shows URLs as t.co links in the text; the link a person follows is the expanded one.
      link: data.entities?.urls?.at(-1)?.expanded_url ?? null,
      media: (includes.media ?? []).map((item) => ({
        kind: item.type === 'photo' ? 'image' : item.type === 'animated_gif' ? 'gif' : 'video',
        altText: item.alt_text ?? null,
      })),
      inReplyTo: data.referenced_tweets?.find((item) => item.type === 'replied_to')?.id ?? null,
      poll: includes.polls?.[0] ? { options: includes.polls[0].options.map((option) => option.label) } : null,
      likes: data.public_metrics?.like_count ?? 0,
      hidden: this.fake.state.posts.get(remoteId)?.hidden ?? false,
    };
  }
}
