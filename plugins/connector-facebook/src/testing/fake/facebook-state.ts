export type TokenKind = 'code-exchange' | 'user' | 'page';

export interface TokenRecord {
  readonly token: string;
  readonly kind: TokenKind;
  readonly userId: string;
  readonly pageId?: string;
  readonly scopes: readonly string[];
  /** Milliseconds since the epoch; undefined for Page tokens, which do not expire by time. */
  expiresAt?: number;
  revoked: boolean;
}

export interface UserRecord {
  readonly id: string;
  readonly name: string;
}

export interface PageRecord {
  readonly id: string;
  readonly name: string;
  readonly username: string;
  followers: number;
  /** Users with a role on the Page and their tasks. */
  readonly roles: Map<string, readonly string[]>;
}

export interface PhotoRecord {
  readonly id: string;
  readonly pageId: string;
  readonly altText: string | null;
  readonly mimeType: string;
  published: boolean;
  /** The post an unpublished photo was attached to; a photo is attached once. */
  attachedTo: string | null;
}

export type PostKind = 'status' | 'link' | 'photo' | 'video' | 'reel' | 'visitor';

export interface PostRecord {
  readonly id: string;
  readonly pageId: string;
  readonly authorId: string;
  readonly kind: PostKind;
  message: string;
  readonly link: string | null;
  readonly photoIds: readonly string[];
  readonly videoId: string | null;
  readonly createdAt: number;
  readonly scheduledFor: number | null;
  readonly reactions: Set<string>;
  shares: number;
  readonly viewers: string[];
  /** Pages tagged in the message (visitor posts and mentions). */
  readonly tags: readonly string[];
  deleted: boolean;
}

export type PhaseStatus = 'not_started' | 'in_progress' | 'complete' | 'error';

export interface VideoRecord {
  readonly id: string;
  readonly pageId: string;
  readonly reel: boolean;
  readonly createdAt: number;
  description: string;
  uploaded: boolean;
  finished: boolean;
  /** Status reads left before processing completes. */
  pollsLeft: number;
  failed: boolean;
  postId: string | null;
}

/** A resumable video upload (2.2 "Video", large): bytes arrive in the windows the session asks for. */
export interface UploadSessionRecord {
  readonly id: string;
  readonly videoId: string;
  readonly pageId: string;
  readonly fileSize: number;
  readonly chunks: Buffer[];
  received: number;
  /** Finished: the session takes no more phases. */
  closed: boolean;
}

export interface CommentRecord {
  readonly id: string;
  readonly postId: string;
  readonly parentId: string | null;
  readonly authorId: string;
  readonly message: string;
  readonly createdAt: number;
  hidden: boolean;
  readonly likes: Set<string>;
  privateReplied: boolean;
  deleted: boolean;
}

export interface MessageRecord {
  readonly id: string;
  readonly fromId: string;
  readonly toId: string;
  readonly text: string;
  readonly createdAt: number;
}

export interface ConversationRecord {
  readonly id: string;
  readonly pageId: string;
  readonly userId: string;
  readonly messages: MessageRecord[];
}

/** Everything the fake Facebook holds; routes and the test-facing API change it only through here. */
export class FacebookState {
  readonly users = new Map<string, UserRecord>();
  readonly pages = new Map<string, PageRecord>();
  readonly tokens = new Map<string, TokenRecord>();
  readonly codes = new Map<
    string,
    { userId: string; scopes: string[]; redirectUri: string; used: boolean }
  >();
  readonly photos = new Map<string, PhotoRecord>();
  readonly posts = new Map<string, PostRecord>();
  readonly videos = new Map<string, VideoRecord>();
  readonly uploadSessions = new Map<string, UploadSessionRecord>();
  readonly comments = new Map<string, CommentRecord>();
  readonly conversations = new Map<string, ConversationRecord>();
  /** Webhook fields each Page installed the app for (`subscribed_apps`); others get no deliveries. */
  readonly subscriptions = new Map<string, Set<string>>();
  /** Every post created through a publishing endpoint, in order: what tests count duplicates on. */
  readonly published: PostRecord[] = [];
  // Facebook ids run to 15 and more digits, past 2^53: a client that reads one as a double loses it.
  private sequence = 122_100_000_000_000_000n;

  constructor(readonly now: () => number) {}

  nextId(): string {
    this.sequence += 1n;
    return this.sequence.toString();
  }

  token(
    kind: TokenKind,
    userId: string,
    scopes: readonly string[],
    expiresInMs?: number,
    pageId?: string,
  ): TokenRecord {
    const record: TokenRecord = {
      token: `EAA${kind === 'page' ? 'P' : 'U'}${this.nextId()}${Math.random().toString(36).slice(2, 10)}`,
      kind,
      userId,
      pageId,
      scopes: [...scopes],
      expiresAt: expiresInMs === undefined ? undefined : this.now() + expiresInMs,
      revoked: false,
    };
    this.tokens.set(record.token, record);
    return record;
  }

  /** Why a token is refused, or the record when it works. */
  check(token: string | undefined): TokenRecord | 'missing' | 'invalid' | 'expired' {
    if (!token) {
      return 'missing';
    }
    const record = this.tokens.get(token);
    if (!record || record.revoked) {
      return 'invalid';
    }
    return record.expiresAt !== undefined && record.expiresAt <= this.now() ? 'expired' : record;
  }

  createPost(
    post: Omit<PostRecord, 'id' | 'createdAt' | 'reactions' | 'shares' | 'viewers' | 'deleted' | 'tags'> & {
      tags?: string[];
    },
  ): PostRecord {
    const record: PostRecord = {
      ...post,
      id: `${post.pageId}_${this.nextId()}`,
      createdAt: this.now(),
      reactions: new Set(),
      shares: 0,
      viewers: [],
      tags: post.tags ?? [],
      deleted: false,
    };
    this.posts.set(record.id, record);
    return record;
  }

  addComment(postId: string, parentId: string | null, authorId: string, message: string): CommentRecord {
    const record: CommentRecord = {
      id: `${postId.split('_')[1] ?? postId}_${this.nextId()}`,
      postId,
      parentId,
      authorId,
      message,
      createdAt: this.now(),
      hidden: false,
      likes: new Set(),
      privateReplied: false,
      deleted: false,
    };
    this.comments.set(record.id, record);
    return record;
  }

  conversation(pageId: string, userId: string): ConversationRecord {
    const id = `t_${pageId}_${userId}`;
    let found = this.conversations.get(id);
    if (!found) {
      found = { id, pageId, userId, messages: [] };
      this.conversations.set(id, found);
    }
    return found;
  }

  livePost(id: string): PostRecord | undefined {
    const post = this.posts.get(id);
    return post && !post.deleted ? post : undefined;
  }

  liveComment(id: string): CommentRecord | undefined {
    const comment = this.comments.get(id);
    return comment && !comment.deleted ? comment : undefined;
  }

  nameOf(id: string): string {
    return this.users.get(id)?.name ?? this.pages.get(id)?.name ?? id;
  }
}
