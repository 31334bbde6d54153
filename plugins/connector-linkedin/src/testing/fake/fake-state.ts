import { randomBytes } from 'node:crypto';

export interface MemberRecord {
  readonly id: string;
  readonly urn: string;
  readonly name: string;
  readonly email: string;
}

export type PageRole = 'ADMINISTRATOR' | 'CONTENT_ADMIN' | 'DIRECT_SPONSORED_CONTENT_POSTER' | 'ANALYST';

export interface OrganizationRecord {
  readonly id: string;
  readonly urn: string;
  readonly name: string;
  readonly vanityName: string;
  readonly roles: Map<string, PageRole>;
  readonly followers: Set<string>;
  pageViews: number;
}

export interface TokenRecord {
  readonly member: MemberRecord;
  readonly scopes: readonly string[];
  expiresAt: number;
  revoked: boolean;
  /** Requests answered 65601 REVOKED although the token is new (6.6: seen for seconds after consent). */
  glitches?: number;
}

export interface RefreshTokenRecord {
  readonly member: MemberRecord;
  readonly scopes: readonly string[];
  /** 365 days from the original consent; a refresh never moves it (6.2). */
  readonly expiresAt: number;
}

export type MediaStatus = 'WAITING_UPLOAD' | 'PROCESSING' | 'AVAILABLE' | 'PROCESSING_FAILED';

export interface MediaRecord {
  readonly urn: string;
  readonly kind: 'image' | 'video';
  readonly owner: string;
  status: MediaStatus;
  /** Status reads left before PROCESSING becomes AVAILABLE. */
  pollsLeft: number;
  readonly fileSizeBytes: number;
  readonly parts: { firstByte: number; lastByte: number; etag: string | null }[];
  readonly uploadToken: string;
  bytes: number;
  processingFailureReason?: string;
}

export interface PostRecord {
  readonly urn: string;
  readonly author: string;
  readonly commentary: string;
  readonly visibility: string;
  readonly content: Record<string, unknown> | undefined;
  readonly reshareParent: string | null;
  readonly createdAt: number;
  deletedAt: number | null;
}

export interface CommentRecord {
  readonly id: string;
  readonly urn: string;
  readonly object: string;
  readonly actor: string;
  readonly text: string;
  readonly parentComment: string | null;
  readonly createdAt: number;
  deleted: boolean;
}

export interface ReactionRecord {
  readonly actor: string;
  readonly root: string;
  readonly reactionType: string;
}

export type NotificationAction =
  'LIKE' | 'COMMENT' | 'SHARE' | 'SHARE_MENTION' | 'ADMIN_COMMENT' | 'COMMENT_EDIT' | 'COMMENT_DELETE';

export interface NotificationRecord {
  readonly notificationId: number;
  readonly organizationalEntity: string;
  readonly action: NotificationAction;
  readonly sourcePost: string;
  readonly generatedActivity: string;
  readonly lastModifiedAt: number;
}

/** Everything the fake network knows; routes read and change it, tests inspect it. */
export class LinkedinState {
  readonly members = new Map<string, MemberRecord>();
  readonly organizations = new Map<string, OrganizationRecord>();
  readonly tokens = new Map<string, TokenRecord>();
  readonly refreshTokens = new Map<string, RefreshTokenRecord>();
  readonly codes = new Map<string, { member: MemberRecord; scopes: string[]; redirectUri: string }>();
  readonly media = new Map<string, MediaRecord>();
  readonly posts: PostRecord[] = [];
  readonly comments: CommentRecord[] = [];
  readonly reactions: ReactionRecord[] = [];
  readonly notifications: NotificationRecord[] = [];
  /** Requests per (member, endpoint) today, for the daily quotas. */
  readonly usage = new Map<string, number>();
  readonly listeners: ((notification: NotificationRecord) => void)[] = [];
  private sequence = 7_100_000_000_000_000_000n;

  /** Impressions and clicks of posts, as tests set them (LinkedIn counts views no test can cause). */
  readonly views = new Map<string, { impressions: number; clicks: number }>();

  impressions(urns: readonly string[]): number {
    return urns.reduce((sum, urn) => sum + (this.views.get(urn)?.impressions ?? 0), 0);
  }

  clicks(urns: readonly string[]): number {
    return urns.reduce((sum, urn) => sum + (this.views.get(urn)?.clicks ?? 0), 0);
  }

  nextId(): string {
    this.sequence += 1n;
    return this.sequence.toString();
  }

  token(): string {
    return `AQ${randomBytes(24).toString('base64url')}`;
  }

  livePost(urn: string): PostRecord | undefined {
    return this.posts.find((post) => post.urn === urn && post.deletedAt === null);
  }

  liveComment(urn: string): CommentRecord | undefined {
    return this.comments.find((comment) => comment.urn === urn && !comment.deleted);
  }

  organizationOf(urn: string): OrganizationRecord | undefined {
    return [...this.organizations.values()].find((org) => org.urn === urn);
  }
}
