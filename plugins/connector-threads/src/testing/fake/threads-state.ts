export interface TokenRecord {
  readonly token: string;
  readonly lived: 'short' | 'long';
  readonly subject: string;
  readonly scopes: readonly string[];
  readonly issuedAt: number;
  expiresAt: number | undefined;
  revoked: boolean;
}

export interface UserRecord {
  readonly id: string;
  readonly username: string;
  followers: number;
}

export type ContainerStatus = 'IN_PROGRESS' | 'FINISHED' | 'PUBLISHED' | 'ERROR' | 'EXPIRED';

export interface ContainerRecord {
  readonly id: string;
  readonly ownerId: string;
  readonly mediaType: 'TEXT' | 'IMAGE' | 'VIDEO' | 'CAROUSEL';
  readonly text: string;
  readonly altText: string | null;
  readonly link: string | null;
  readonly carouselItem: boolean;
  readonly children: readonly string[];
  readonly replyToId: string | null;
  readonly createdAt: number;
  status: ContainerStatus;
  errorMessage: string | null;
  pollsLeft: number;
}

export interface PostRecord {
  readonly id: string;
  readonly ownerId: string;
  readonly mediaType: 'TEXT_POST' | 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM';
  readonly text: string;
  readonly altTexts: readonly (string | null)[];
  readonly link: string | null;
  readonly replyToId: string | null;
  readonly rootId: string;
  readonly timestamp: number;
  readonly shortcode: string;
  readonly likes: Set<string>;
  reposts: number;
  readonly viewers: Set<string>;
  readonly mentions: readonly string[];
  hidden: boolean;
  deleted: boolean;
}

/** Everything the fake Threads holds. */
export class ThreadsState {
  readonly users = new Map<string, UserRecord>();
  readonly tokens = new Map<string, TokenRecord>();
  readonly containers = new Map<string, ContainerRecord>();
  readonly posts = new Map<string, PostRecord>();
  readonly publishes = new Map<string, { at: number; reply: boolean }[]>();
  readonly deletions = new Map<string, number[]>();
  /** Visits to a profile by someone else: what the `views` profile insight counts, day by day (4.4). */
  readonly profileViews: { readonly userId: string; readonly at: number }[] = [];
  /** Every post created by threads_publish, replies included, in order. */
  readonly published: PostRecord[] = [];
  consentUserId: string | null = null;
  // Threads ids are 17 or more digits, past 2^53: a client that reads one as a double loses it.
  private sequence = 17_900_000_000_000_000n;

  constructor(readonly now: () => number) {}

  nextId(): string {
    this.sequence += 1n;
    return this.sequence.toString();
  }

  issue(
    lived: 'short' | 'long',
    subject: string,
    scopes: readonly string[],
    lifetimeMs: number,
  ): TokenRecord {
    const record: TokenRecord = {
      token: `THAA${this.nextId()}${Math.random().toString(36).slice(2, 8)}`,
      lived,
      subject,
      scopes: [...scopes],
      issuedAt: this.now(),
      expiresAt: this.now() + lifetimeMs,
      revoked: false,
    };
    this.tokens.set(record.token, record);
    return record;
  }

  livePost(id: string): PostRecord | undefined {
    const post = this.posts.get(id);
    return post && !post.deleted ? post : undefined;
  }

  usage(userId: string, reply: boolean): number {
    const since = this.now() - 86_400_000;
    return (this.publishes.get(userId) ?? []).filter((entry) => entry.at > since && entry.reply === reply)
      .length;
  }
}
