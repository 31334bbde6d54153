export type TokenKind = 'ig-short' | 'ig-long' | 'fb-user' | 'page';
/** Which Graph host a token works on: Instagram Login tokens on graph.instagram.com, the others on graph.facebook.com. */
export type Host = 'instagram' | 'facebook';

export interface TokenRecord {
  readonly token: string;
  readonly kind: TokenKind;
  /** The Instagram account the token acts as (none for a Facebook user token). */
  readonly accountId: string | null;
  readonly fbUserId: string | null;
  readonly scopes: readonly string[];
  readonly issuedAt: number;
  expiresAt: number | undefined;
  revoked: boolean;
}

export interface AccountRecord {
  readonly id: string;
  readonly username: string;
  readonly name: string;
  followers: number;
  /** The Facebook Page the professional account is linked to (Facebook Login), if any. */
  pageId: string | null;
}

export interface PageRecord {
  readonly id: string;
  readonly name: string;
  readonly adminId: string;
  readonly accountId: string;
  /** The admin's tasks on the Page (1.4); CREATE_CONTENT allows publishing. */
  tasks: string[];
}

export interface HostedMedia {
  readonly type: string;
  readonly sizeBytes: number;
  readonly width: number;
  readonly height: number;
  readonly durationSeconds?: number;
  /** The container's ERROR status text once processed (a server-side failure such as "... 2207053"). */
  readonly processingFailure?: string;
}

export type ContainerStatus = 'IN_PROGRESS' | 'FINISHED' | 'PUBLISHED' | 'ERROR' | 'EXPIRED';

export interface ContainerRecord {
  readonly id: string;
  readonly ownerId: string;
  readonly mediaType: 'IMAGE' | 'VIDEO' | 'REELS' | 'STORIES' | 'CAROUSEL';
  readonly kind: 'image' | 'video' | 'carousel';
  readonly caption: string;
  readonly altText: string | null;
  readonly carouselItem: boolean;
  readonly children: readonly string[];
  readonly createdAt: number;
  status: ContainerStatus;
  statusText: string;
  pollsLeft: number;
  awaitingUpload: boolean;
  /** Why processing will fail (an unsupported video), shown in `status` once it does. */
  failure: string | null;
  mediaId: string | null;
}

export interface MediaRecord {
  readonly id: string;
  readonly ownerId: string;
  readonly caption: string;
  readonly mediaType: 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM';
  readonly productType: 'FEED' | 'REELS' | 'STORY';
  readonly altTexts: readonly (string | null)[];
  readonly timestamp: number;
  readonly shortcode: string;
  readonly likes: Set<string>;
  shares: number;
  saves: number;
  readonly viewers: Set<string>;
  /** Accounts tagged in it (mentions). */
  readonly tags: readonly string[];
}

export interface CommentRecord {
  readonly id: string;
  readonly mediaId: string;
  readonly parentId: string | null;
  readonly fromId: string;
  readonly text: string;
  readonly timestamp: number;
  hidden: boolean;
  readonly likes: Set<string>;
  privateReplied: boolean;
  deleted: boolean;
}

export interface DirectMessage {
  readonly id: string;
  readonly fromId: string;
  readonly text: string;
  readonly createdAt: number;
}

export interface ConversationRecord {
  readonly id: string;
  readonly accountId: string;
  readonly userId: string;
  readonly messages: DirectMessage[];
}

/** Everything the fake Instagram holds, shared by its graph.instagram.com and graph.facebook.com hosts. */
export class InstagramState {
  readonly accounts = new Map<string, AccountRecord>();
  readonly fbUsers = new Map<string, { id: string; name: string }>();
  readonly pages = new Map<string, PageRecord>();
  readonly tokens = new Map<string, TokenRecord>();
  readonly hosted = new Map<string, HostedMedia>();
  readonly containers = new Map<string, ContainerRecord>();
  readonly media = new Map<string, MediaRecord>();
  readonly comments = new Map<string, CommentRecord>();
  readonly conversations = new Map<string, ConversationRecord>();
  /** Webhook fields each account installed the app for (`subscribed_apps`); others get no deliveries. */
  readonly subscriptions = new Map<string, Set<string>>();
  /** Publish times per account, for the rolling 24 h quota. */
  readonly publishes = new Map<string, number[]>();
  /** Every media created through media_publish, in order. */
  readonly published: MediaRecord[] = [];
  /** Who approves the consent screens: the account (Instagram Login) and the Page admin (Facebook Login). */
  consentAccountId: string | null = null;
  consentFbUserId: string | null = null;
  /** Permissions the Facebook user declines on the consent screen (1.4 `/me/permissions` shows them). */
  declinedFacebookScopes: string[] = [];
  /** Permissions the Instagram account declines on the Instagram Login consent screen (3.1). */
  declinedInstagramScopes: string[] = [];
  // Instagram ids are 17-digit numbers past 2^53, as on Instagram: a client that reads one as a double loses it.
  private sequence = 17_841_400_000_000_000n;

  constructor(readonly now: () => number) {}

  nextId(): string {
    this.sequence += 1n;
    return this.sequence.toString();
  }

  token(
    kind: TokenKind,
    subject: { accountId?: string; fbUserId?: string },
    scopes: readonly string[],
    lifetimeMs?: number,
  ): TokenRecord {
    const prefix = kind.startsWith('ig') ? 'IGQV' : 'EAA';
    const record: TokenRecord = {
      token: `${prefix}${this.nextId()}${Math.random().toString(36).slice(2, 8)}`,
      kind,
      accountId: subject.accountId ?? null,
      fbUserId: subject.fbUserId ?? null,
      scopes: [...scopes],
      issuedAt: this.now(),
      expiresAt: lifetimeMs === undefined ? undefined : this.now() + lifetimeMs,
      revoked: false,
    };
    this.tokens.set(record.token, record);
    return record;
  }

  account(id: string | null): AccountRecord | undefined {
    return id ? this.accounts.get(id) : undefined;
  }

  liveComment(id: string): CommentRecord | undefined {
    const comment = this.comments.get(id);
    return comment && !comment.deleted ? comment : undefined;
  }

  conversation(accountId: string, userId: string): ConversationRecord {
    const id = `aWdfY29udjo${accountId}_${userId}`;
    let found = this.conversations.get(id);
    if (!found) {
      found = { id, accountId, userId, messages: [] };
      this.conversations.set(id, found);
    }
    return found;
  }

  quotaUsage(accountId: string): number {
    const since = this.now() - 86_400_000;
    return (this.publishes.get(accountId) ?? []).filter((time) => time > since).length;
  }
}
