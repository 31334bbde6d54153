import { randomBytes } from 'node:crypto';

export interface ChannelRecord {
  readonly id: string;
  title: string;
  readonly customUrl: string;
  subscribers: number;
  hiddenSubscriberCount: boolean;
  readonly uploadsPlaylistId: string;
  /** Verified channels may set custom thumbnails and upload videos over 15 minutes. */
  verified: boolean;
}

export interface TokenRecord {
  readonly channelId: string;
  readonly clientId: string;
  readonly scopes: readonly string[];
  expiresAt: number;
  /** The refresh token the access token was minted from. */
  readonly refreshToken?: string;
}

export interface RefreshRecord {
  readonly channelId: string;
  readonly clientId: string;
  readonly scopes: readonly string[];
  readonly issuedAt: number;
  revoked: boolean;
}

export interface AuthCodeRecord {
  readonly channelId: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly challenge: string;
  readonly expiresAt: number;
  used: boolean;
}

export interface UploadSessionRecord {
  readonly id: string;
  readonly channelId: string;
  readonly clientId: string;
  readonly resource: VideoInit;
  readonly total: number;
  readonly contentType: string;
  readonly createdAt: number;
  received: number;
  expired: boolean;
  videoId?: string;
}

export interface VideoInit {
  readonly title: string;
  readonly description: string;
  readonly tags: readonly string[];
  readonly categoryId: string;
  readonly privacyStatus: 'public' | 'unlisted' | 'private';
  readonly publishAt: string | null;
  readonly madeForKids: boolean;
}

export interface VideoRecord extends VideoInit {
  readonly id: string;
  readonly channelId: string;
  readonly publishedAt: string;
  readonly bytes: number;
  readonly requestedPrivacy: string;
  uploadStatus: 'uploaded' | 'processed' | 'failed' | 'rejected' | 'deleted';
  processingStatus: 'processing' | 'succeeded' | 'failed' | 'terminated';
  failureReason?: string;
  /** Status checks left before processing finishes. */
  pollsLeft: number;
  views: number;
  likes: number;
  commentsDisabled: boolean;
  thumbnail: string | null;
  deleted: boolean;
}

export interface CommentRecord {
  readonly id: string;
  readonly videoId: string;
  readonly authorChannelId: string;
  readonly authorName: string;
  text: string;
  readonly parentId: string | null;
  readonly publishedAt: string;
  updatedAt: string;
  moderationStatus: 'published' | 'heldForReview' | 'likelySpam' | 'rejected';
  deleted: boolean;
  likes: number;
}

export interface PlaylistItemRecord {
  readonly videoId: string;
  readonly publishedAt: string;
}

/** Daily counters the Analytics API reports, per channel and day (YYYY-MM-DD). */
export type DailyCounters = Record<'views' | 'likes' | 'comments' | 'shares', number>;

export const newId = (length = 11) => randomBytes(length).toString('base64url').slice(0, length);

/** Everything the fake YouTube knows. */
export class YoutubeFakeState {
  readonly channels = new Map<string, ChannelRecord>();
  readonly accessTokens = new Map<string, TokenRecord>();
  readonly refreshTokens = new Map<string, RefreshRecord>();
  readonly codes = new Map<string, AuthCodeRecord>();
  readonly sessions = new Map<string, UploadSessionRecord>();
  readonly videos = new Map<string, VideoRecord>();
  readonly comments = new Map<string, CommentRecord>();
  readonly playlists = new Map<
    string,
    { readonly channelId: string; readonly items: PlaylistItemRecord[] }
  >();
  readonly analytics = new Map<string, Map<string, DailyCounters>>();
  /** Every video created, in order, duplicates included. */
  readonly published: VideoRecord[] = [];

  createChannel(title: string, subscribers = 0): ChannelRecord {
    const id = `UC${newId(22)}`;
    const channel: ChannelRecord = {
      id,
      title,
      customUrl: `@${title.toLowerCase().replace(/[^a-z0-9]/gu, '')}`,
      subscribers,
      hiddenSubscriberCount: false,
      uploadsPlaylistId: `UU${id.slice(2)}`,
      verified: true,
    };
    this.channels.set(id, channel);
    this.playlists.set(channel.uploadsPlaylistId, { channelId: id, items: [] });
    return channel;
  }

  createPlaylist(channelId: string): string {
    const id = `PL${newId(32)}`;
    this.playlists.set(id, { channelId, items: [] });
    return id;
  }

  count(channelId: string, day: string, metric: keyof DailyCounters, by = 1): void {
    const days = this.analytics.get(channelId) ?? new Map<string, DailyCounters>();
    this.analytics.set(channelId, days);
    const counters = days.get(day) ?? { views: 0, likes: 0, comments: 0, shares: 0 };
    counters[metric] += by;
    days.set(day, counters);
  }

  /** Comments the public sees on a video (published, not deleted). */
  visibleComments(videoId: string): CommentRecord[] {
    return [...this.comments.values()].filter(
      (comment) =>
        comment.videoId === videoId && !comment.deleted && comment.moderationStatus === 'published',
    );
  }
}
