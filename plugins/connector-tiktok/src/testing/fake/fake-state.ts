import { randomBytes } from 'node:crypto';

export interface UserRecord {
  readonly openId: string;
  readonly unionId: string;
  readonly username: string;
  displayName: string;
  /** Unaudited apps may only post to private accounts (network-apis.md 7.1). */
  privateAccount: boolean;
  privacyLevelOptions: string[];
  commentDisabled: boolean;
  duetDisabled: boolean;
  stitchDisabled: boolean;
  maxVideoPostDurationSec: number;
  readonly followers: Set<string>;
  likesReceived: number;
}

export interface TokenRecord {
  readonly openId: string;
  readonly scopes: readonly string[];
  /** One grant: a revoke or a replayed refresh token ends every token of it. */
  readonly family: string;
  expiresAt: number;
}

export interface MediaMeta {
  readonly type: string;
  readonly sizeBytes: number;
  readonly width: number;
  readonly height: number;
  readonly durationSeconds?: number;
}

export type JobStatus =
  'PROCESSING_UPLOAD' | 'PROCESSING_DOWNLOAD' | 'SEND_TO_USER_INBOX' | 'PUBLISH_COMPLETE' | 'FAILED';

export interface PublishJob {
  readonly publishId: string;
  readonly openId: string;
  readonly kind: 'video' | 'photo';
  readonly mode: 'direct' | 'inbox';
  readonly source: 'FILE_UPLOAD' | 'PULL_FROM_URL';
  readonly createdAt: number;
  status: JobStatus;
  failReason?: string;
  readonly postInfo: Record<string, unknown>;
  readonly privacyLevel: string | null;
  readonly urls: readonly string[];
  readonly upload?: {
    readonly uploadId: string;
    readonly token: string;
    readonly expiresAt: number;
    readonly videoSize: number;
    readonly chunkSize: number;
    readonly totalChunkCount: number;
    received: number;
    chunks: number;
    mimeType?: string;
  };
  /** When the file was whole (uploaded, or the pull started): processing runs from then. */
  readyAt: number | null;
  pollsWhileReady: number;
  postId?: string;
  /** When moderation lets a public post's id show; never set for a private post. */
  publicAt?: number;
  visible: boolean;
}

export interface CommentRecord {
  readonly id: string;
  readonly postId: string;
  readonly authorOpenId: string;
  readonly text: string;
}

export interface PostRecord {
  readonly id: string;
  readonly openId: string;
  readonly publishId: string;
  readonly kind: 'video' | 'photo';
  /** The caption of a video, the title of a photo post. */
  readonly title: string;
  /** The caption of a video, the description of a photo post. */
  readonly description: string;
  readonly privacyLevel: string;
  readonly imageCount: number;
  readonly createdAt: number;
  readonly settings: Record<string, unknown>;
  views: number;
  likes: number;
  shares: number;
  readonly comments: CommentRecord[];
}

let sequence = 7_300_000_000_000_000_000n;
/** TikTok ids are 64-bit decimal strings, beyond 2^53. */
export const nextId = () => (sequence += 1n).toString();
export const randomToken = (bytes = 24) => randomBytes(bytes).toString('base64url');

/** Everything the fake TikTok knows. */
export class TikTokFakeState {
  readonly users = new Map<string, UserRecord>();
  readonly accessTokens = new Map<string, TokenRecord>();
  readonly refreshTokens = new Map<string, TokenRecord>();
  readonly jobs = new Map<string, PublishJob>();
  readonly posts = new Map<string, PostRecord>();
  /** Every post created, in order, duplicates included. */
  readonly published: PostRecord[] = [];
  readonly hosted = new Map<string, MediaMeta>();
  /** Direct inits per creator (their times), for the daily cap. */
  readonly initsByCreator = new Map<string, number[]>();

  createUser(username: string, options: Partial<UserRecord> = {}): UserRecord {
    const user: UserRecord = {
      openId: `act.${randomToken(18)}`,
      unionId: randomToken(12),
      username,
      displayName: username,
      privateAccount: false,
      privacyLevelOptions: ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'],
      commentDisabled: false,
      duetDisabled: false,
      stitchDisabled: false,
      maxVideoPostDurationSec: 600,
      followers: new Set(),
      likesReceived: 0,
      ...options,
    };
    this.users.set(user.openId, user);
    return user;
  }

  revokeFamily(family: string): void {
    for (const tokens of [this.accessTokens, this.refreshTokens]) {
      for (const [key, value] of tokens) {
        if (value.family === family) {
          tokens.delete(key);
        }
      }
    }
  }

  pendingDrafts(openId: string): number {
    return [...this.jobs.values()].filter(
      (job) => job.openId === openId && job.mode === 'inbox' && job.status === 'SEND_TO_USER_INBOX',
    ).length;
  }
}
