export type PostKind = 'self' | 'link' | 'image' | 'video' | 'videogif' | 'gallery';

export interface UserRecord {
  readonly id: string;
  readonly name: string;
  /** Subreddits this user moderates (lower case). */
  readonly moderates: Set<string>;
}

export interface FlairRecord {
  readonly id: string;
  readonly text: string;
  readonly text_editable: boolean;
}

/** What `GET /api/v1/{subreddit}/post_requirements` answers. */
export interface RequirementsRecord {
  is_flair_required?: boolean;
  title_regexes?: string[];
  title_text_min_length?: number | null;
  title_text_max_length?: number | null;
  title_required_strings?: string[];
  title_blacklisted_strings?: string[];
  body_restriction_policy?: 'none' | 'required' | 'notAllowed';
  body_text_min_length?: number | null;
  body_text_max_length?: number | null;
  domain_whitelist?: string[];
  domain_blacklist?: string[];
}

export interface SubredditRecord {
  readonly name: string;
  submissionType: 'any' | 'link' | 'self';
  allowImages: boolean;
  allowVideos: boolean;
  allowGalleries: boolean;
  allowVideogifs: boolean;
  /** Private, banned or quarantined: everyone but moderators gets 403. */
  closed: boolean;
  requirements: RequirementsRecord;
  flairs: FlairRecord[];
  readonly subscribers: Set<string>;
}

export interface GalleryItem {
  readonly assetId: string;
  readonly caption: string;
  readonly outboundUrl: string;
}

export interface PostRecord {
  readonly id: string;
  readonly name: string;
  readonly sr: string;
  readonly authorId: string;
  readonly author: string;
  readonly title: string;
  readonly kind: PostKind;
  readonly selftext: string;
  readonly url: string;
  readonly createdUtc: number;
  readonly nsfw: boolean;
  readonly spoiler: boolean;
  readonly sendReplies: boolean;
  readonly flair?: FlairRecord & { readonly shownText: string };
  readonly gallery: readonly GalleryItem[];
  readonly upvoters: Set<string>;
  crossposts: number;
  viewCount: number | null;
  deleted: boolean;
  /** `removed_by_category`: `moderator`, `automod_filtered`, ... */
  removedBy: string | null;
}

export interface CommentRecord {
  readonly id: string;
  readonly name: string;
  readonly postName: string;
  readonly parentName: string;
  readonly authorId: string;
  readonly author: string;
  readonly body: string;
  readonly createdUtc: number;
  readonly upvoters: Set<string>;
  deleted: boolean;
  removed: boolean;
}

export interface MessageRecord {
  readonly id: string;
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  readonly createdUtc: number;
  readonly firstMessageName: string | null;
  readonly parentName: string | null;
}

export type InboxType = 'post_reply' | 'comment_reply' | 'username_mention' | 'message';

export interface InboxEntry {
  readonly userId: string;
  readonly thingName: string;
  readonly type: InboxType;
  readonly createdUtc: number;
  unread: boolean;
}

export interface AssetRecord {
  readonly id: string;
  readonly userId: string;
  readonly key: string;
  readonly mimeType: string;
  readonly fileName: string;
  /** Set once the file reached the storage: the `<Location>` it answered. */
  location?: string;
  bytes?: number;
}

export interface TokenRecord {
  readonly userId: string;
  readonly scopes: readonly string[];
  readonly clientId: string;
  expiresAt: number;
  readonly refreshToken?: string;
}

export interface RefreshRecord {
  readonly userId: string;
  readonly scopes: readonly string[];
  readonly clientId: string;
}

/** A media post accepted by /api/submit that shows up once its media is processed. */
export interface PendingPost {
  readonly post: PostRecord;
  /** Reads of the author's submissions still to come before it shows. */
  readsLeft: number;
  readonly fails: boolean;
}

/** Everything the fake Reddit holds. */
export class RedditFakeState {
  readonly users = new Map<string, UserRecord>();
  readonly subreddits = new Map<string, SubredditRecord>();
  readonly posts = new Map<string, PostRecord>();
  readonly comments = new Map<string, CommentRecord>();
  readonly messages = new Map<string, MessageRecord>();
  readonly inbox: InboxEntry[] = [];
  readonly assets = new Map<string, AssetRecord>();
  readonly accessTokens = new Map<string, TokenRecord>();
  readonly refreshTokens = new Map<string, RefreshRecord>();
  readonly pending: PendingPost[] = [];
  /** Every post created, in order, duplicates included. */
  readonly published: PostRecord[] = [];
  /** User id -> epoch ms until which submits and comments answer RATELIMIT. */
  readonly throttledUntil = new Map<string, number>();
  private next = 1_000_000;

  /** A base-36 id, unique across kinds (Reddit's are per kind; uniqueness is what matters here). */
  newId(): string {
    this.next += 1;
    return this.next.toString(36);
  }

  userByName(name: string): UserRecord | undefined {
    return [...this.users.values()].find((user) => user.name.toLowerCase() === name.toLowerCase());
  }

  subreddit(name: string): SubredditRecord | undefined {
    return this.subreddits.get(name.toLowerCase());
  }

  createSubreddit(
    name: string,
    changes: Partial<Omit<SubredditRecord, 'name' | 'subscribers'>> = {},
  ): SubredditRecord {
    const record: SubredditRecord = {
      name,
      submissionType: 'any',
      allowImages: true,
      allowVideos: true,
      allowGalleries: true,
      allowVideogifs: true,
      closed: false,
      requirements: {},
      flairs: [],
      subscribers: new Set(),
      ...changes,
    };
    this.subreddits.set(name.toLowerCase(), record);
    return record;
  }

  createUser(name: string): UserRecord {
    const user: UserRecord = { id: this.newId(), name, moderates: new Set([`u_${name}`.toLowerCase()]) };
    this.users.set(user.id, user);
    // Every account has a profile subreddit, which its followers subscribe to.
    this.createSubreddit(`u_${name}`);
    return user;
  }

  /** The post or comment a fullname names, if it exists. */
  thing(name: string): PostRecord | CommentRecord | MessageRecord | undefined {
    return this.posts.get(name) ?? this.comments.get(name) ?? this.messages.get(name);
  }

  addInbox(userId: string, thingName: string, type: InboxType, createdUtc: number): void {
    this.inbox.push({ userId, thingName, type, createdUtc, unread: true });
  }
}

/** Newest first; things created in one second by id, as Reddit orders them. */
export function newestFirst<T extends { createdUtc: number; id: string }>(items: Iterable<T>): T[] {
  return [...items].sort((a, b) => b.createdUtc - a.createdUtc || parseInt(b.id, 36) - parseInt(a.id, 36));
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);
