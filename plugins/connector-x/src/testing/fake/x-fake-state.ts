/** What the fake X knows: users, tokens, posts, media, direct messages. Ids are 64-bit decimal strings. */

export interface UserRecord {
  readonly id: string;
  readonly username: string;
  readonly name: string;
  readonly followers: Set<string>;
}

export interface PostRecord {
  readonly id: string;
  readonly authorId: string;
  readonly text: string;
  readonly createdAt: number;
  readonly conversationId: string;
  readonly inReplyToId: string | null;
  readonly inReplyToUserId: string | null;
  readonly mediaKeys: readonly string[];
  readonly poll: { readonly options: readonly string[]; readonly durationMinutes: number } | null;
  readonly likes: Set<string>;
  readonly reposts: Set<string>;
  impressions: number;
  hidden: boolean;
  deleted: boolean;
}

export type MediaState = 'initialized' | 'pending' | 'in_progress' | 'succeeded' | 'failed';

export interface MediaRecord {
  readonly id: string;
  readonly mediaKey: string;
  readonly ownerId: string;
  readonly mediaType: string;
  readonly category: string;
  readonly totalBytes: number;
  readonly segments: Map<number, number>;
  readonly expiresAt: number;
  state: MediaState;
  statusChecks: number;
  willFail: boolean;
  altText: string | null;
}

export interface DirectMessageRecord {
  readonly id: string;
  readonly senderId: string;
  readonly recipientId: string;
  readonly conversationId: string;
  readonly text: string;
  readonly createdAt: number;
}

export interface AccessTokenRecord {
  readonly userId: string;
  readonly scopes: readonly string[];
  readonly family: string;
  /** Issued to the connector's own (self-serve) app; other users post through X's own apps. */
  readonly selfServeApp: boolean;
  expiresAt: number;
}

export interface RefreshTokenRecord {
  readonly userId: string;
  readonly scopes: readonly string[];
  readonly family: string;
  used: boolean;
}

// Above 2^53, as X's snowflakes are: a client that parses ids as JS numbers corrupts them.
let sequence = 1_900_000_000_000_000_000n;

export function nextId(): string {
  sequence += 1_000_003n;
  return sequence.toString();
}

/** 1:1 conversations are named by both user ids, the smaller first. */
export function conversationIdOf(a: string, b: string): string {
  return BigInt(a) < BigInt(b) ? `${a}-${b}` : `${b}-${a}`;
}

export class XFakeState {
  readonly users = new Map<string, UserRecord>();
  readonly accessTokens = new Map<string, AccessTokenRecord>();
  readonly refreshTokens = new Map<string, RefreshTokenRecord>();
  readonly posts = new Map<string, PostRecord>();
  readonly media = new Map<string, MediaRecord>();
  readonly directMessages: DirectMessageRecord[] = [];
  /** Every post created, in order, duplicates included: tests count duplicates with it. */
  readonly published: PostRecord[] = [];
  /** Told of every new post and direct message (webhook deliveries are made from them). */
  readonly listeners: {
    post?: (post: PostRecord) => void;
    directMessage?: (message: DirectMessageRecord) => void;
  } = {};

  createUser(username: string, name = username): UserRecord {
    const user: UserRecord = { id: nextId(), username, name, followers: new Set() };
    this.users.set(user.id, user);
    return user;
  }

  userByName(username: string): UserRecord | undefined {
    return [...this.users.values()].find((user) => user.username.toLowerCase() === username.toLowerCase());
  }

  createPost(
    author: UserRecord,
    fields: {
      text: string;
      inReplyTo?: PostRecord;
      mediaKeys?: readonly string[];
      poll?: PostRecord['poll'];
    },
  ): PostRecord {
    const id = nextId();
    const post: PostRecord = {
      id,
      authorId: author.id,
      text: fields.text,
      createdAt: Date.now(),
      conversationId: fields.inReplyTo?.conversationId ?? id,
      inReplyToId: fields.inReplyTo?.id ?? null,
      inReplyToUserId: fields.inReplyTo?.authorId ?? null,
      mediaKeys: fields.mediaKeys ?? [],
      poll: fields.poll ?? null,
      likes: new Set(),
      reposts: new Set(),
      impressions: 0,
      hidden: false,
      deleted: false,
    };
    this.posts.set(id, post);
    this.published.push(post);
    this.listeners.post?.(post);
    return post;
  }

  livePost(id: string): PostRecord | undefined {
    const post = this.posts.get(id);
    return post && !post.deleted ? post : undefined;
  }

  repliesTo(post: PostRecord): PostRecord[] {
    return [...this.posts.values()].filter((item) => item.inReplyToId === post.id && !item.deleted);
  }

  /** Posts that mention the user by @username, or answer one of their posts (X puts those in mentions). */
  mentionsOf(user: UserRecord): PostRecord[] {
    const handle = new RegExp(`(^|[^\\w])@${user.username}\\b`, 'iu');
    return [...this.posts.values()].filter(
      (post) =>
        !post.deleted &&
        post.authorId !== user.id &&
        (handle.test(post.text) || post.inReplyToUserId === user.id),
    );
  }

  sendDirectMessage(sender: UserRecord, recipient: UserRecord, text: string): DirectMessageRecord {
    const message: DirectMessageRecord = {
      id: nextId(),
      senderId: sender.id,
      recipientId: recipient.id,
      conversationId: conversationIdOf(sender.id, recipient.id),
      text,
      createdAt: Date.now(),
    };
    this.directMessages.push(message);
    this.listeners.directMessage?.(message);
    return message;
  }
}

/** Newest first, as every X timeline is. */
export function newestFirst<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : BigInt(b.id) < BigInt(a.id) ? -1 : 0));
}
