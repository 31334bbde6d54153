import type { NetworkPeer, ViewedPost } from '@chorus/connector-testkit';
import { dayOf } from './fake/youtube-fake-routing.js';
import type { YoutubeFake } from './fake/youtube-fake.js';
import type { ChannelRecord } from './fake/youtube-fake-state.js';

export const PEER_SCOPES = [
  'https://www.googleapis.com/auth/youtube.force-ssl',
  'https://www.googleapis.com/auth/youtube.readonly',
];

/**
 * Another YouTube viewer with a channel: comments through the API with their own token; likes, subscribes and
 * watches as people do on youtube.com (the connector never calls those), straight in the fake's state.
 */
export class YoutubePeer implements NetworkPeer {
  constructor(
    private readonly fake: YoutubeFake,
    private readonly channel: ChannelRecord,
    private readonly account: ChannelRecord,
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
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`peer ${method} ${path}: HTTP ${response.status} ${text}`);
    }
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }

  /** A comment on a video, or a reply to a comment. */
  async reply(remoteId: string, text: string) {
    const parent = this.fake.state.comments.get(remoteId);
    if (parent) {
      const json = await this.call('POST', '/youtube/v3/comments?part=snippet', {
        snippet: { parentId: parent.parentId ?? parent.id, textOriginal: text },
      });
      return { remoteId: json.id as string };
    }
    const json = await this.call('POST', '/youtube/v3/commentThreads?part=snippet', {
      snippet: { videoId: remoteId, topLevelComment: { snippet: { textOriginal: text } } },
    });
    return { remoteId: json.id as string };
  }

  like(remoteId: string) {
    const video = this.fake.state.videos.get(remoteId);
    const comment = this.fake.state.comments.get(remoteId);
    if (video) {
      video.likes += 1;
      this.fake.state.count(video.channelId, dayOf(this.fake.now()), 'likes');
    } else if (comment) {
      comment.likes += 1;
    }
    return Promise.resolve();
  }

  /** Shares the video (the Analytics API counts it for the channel). */
  repost(remoteId: string) {
    const video = this.fake.state.videos.get(remoteId);
    if (video) {
      this.fake.state.count(video.channelId, dayOf(this.fake.now()), 'shares');
    }
    return Promise.resolve();
  }

  /** Watches the video once. */
  watch(remoteId: string) {
    const video = this.fake.state.videos.get(remoteId);
    if (video) {
      video.views += 1;
      this.fake.state.count(video.channelId, dayOf(this.fake.now()), 'views');
    }
  }

  follow() {
    this.account.subscribers += 1;
    return Promise.resolve();
  }

  async view(remoteId: string): Promise<ViewedPost | null> {
    const comment = this.fake.state.comments.get(remoteId);
    if (comment) {
      if (comment.deleted || comment.moderationStatus === 'rejected') {
        return null;
      }
      return {
        text: comment.text,
        media: [],
        inReplyTo: comment.parentId ?? comment.videoId,
        likes: comment.likes,
        hidden: comment.moderationStatus !== 'published',
      };
    }
    const json = await this.call(
      'GET',
      `/youtube/v3/videos?part=snippet,statistics&id=${encodeURIComponent(remoteId)}`,
    );
    const video = (
      json.items as { snippet: { description: string }; statistics: { likeCount: string } }[]
    )[0];
    if (!video) {
      return null;
    }
    return {
      text: video.snippet.description,
      media: [{ kind: 'video', altText: null }],
      inReplyTo: null,
      likes: Number(video.statistics.likeCount),
    };
  }

  /** The channel this viewer comments as. */
  get channelId(): string {
    return this.channel.id;
  }
}
