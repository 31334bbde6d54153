import { randomBytes } from 'node:crypto';
import type { FakeInstanceConfig } from './fake-config.js';
import { FakeIds } from './fake-ids.js';

export interface AccountRecord {
  readonly id: string;
  readonly username: string;
  displayName: string;
  readonly createdAt: number;
  readonly followers: Set<string>;
  readonly following: Set<string>;
}

export interface AppRecord {
  readonly id: string;
  readonly name: string;
  readonly website: string | null;
  readonly redirectUris: readonly string[];
  readonly scopes: readonly string[];
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface TokenRecord {
  readonly token: string;
  readonly accountId: string | null;
  readonly appId: string | null;
  readonly scopes: readonly string[];
  readonly createdAt: number;
  revokedAt: number | null;
}

export interface CodeRecord {
  readonly code: string;
  readonly appId: string;
  readonly accountId: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly challenge: string | null;
  readonly expiresAt: number;
  used: boolean;
}

export interface MediaRecord {
  readonly id: string;
  readonly accountId: string;
  readonly type: 'image' | 'gifv' | 'video' | 'audio';
  readonly mimeType: string;
  readonly size: number;
  description: string | null;
  focus: string | null;
  pendingPolls: number;
  statusId: string | null;
}

export interface PollRecord {
  readonly id: string;
  readonly options: readonly string[];
  readonly multiple: boolean;
  readonly hideTotals: boolean;
  readonly expiresAt: number;
}

export type Visibility = 'public' | 'unlisted' | 'private' | 'direct';

export interface StatusRecord {
  readonly id: string;
  readonly accountId: string;
  readonly text: string;
  readonly spoilerText: string;
  readonly visibility: Visibility;
  readonly sensitive: boolean;
  readonly language: string | null;
  readonly inReplyToId: string | null;
  readonly inReplyToAccountId: string | null;
  readonly mediaIds: readonly string[];
  readonly poll: PollRecord | null;
  readonly mentions: readonly string[];
  readonly createdAt: number;
  readonly reblogOf: string | null;
  readonly idempotencyKey: string | null;
  readonly applicationName: string | null;
  readonly favouritedBy: Set<string>;
  readonly rebloggedBy: Set<string>;
  deletedAt: number | null;
}

export type NotificationType = 'mention' | 'favourite' | 'reblog' | 'follow' | 'status' | 'poll' | 'update';

export interface NotificationRecord {
  readonly id: string;
  readonly type: NotificationType;
  readonly accountId: string;
  readonly fromAccountId: string;
  readonly statusId: string | null;
  readonly createdAt: number;
}

export interface ConversationRecord {
  readonly id: string;
  readonly ownerId: string;
  readonly participantIds: readonly string[];
  lastStatusId: string;
  unread: boolean;
}

/** Everything the fake instance knows; routes read and change it, tests inspect it. */
export class FakeState {
  readonly accounts = new Map<string, AccountRecord>();
  readonly apps = new Map<string, AppRecord>();
  readonly tokens = new Map<string, TokenRecord>();
  readonly codes = new Map<string, CodeRecord>();
  readonly media = new Map<string, MediaRecord>();
  readonly statuses = new Map<string, StatusRecord>();
  /** Indexes over `statuses` (deleted ones included), so that a busy fake answers in time independent of its size. */
  private readonly statusesByAccount = new Map<string, StatusRecord[]>();
  private readonly repliesByParent = new Map<string, StatusRecord[]>();
  readonly notifications: NotificationRecord[] = [];
  readonly conversations: ConversationRecord[] = [];
  /** `${accountId}:${key}` -> the status it created and when the key is forgotten. */
  readonly idempotency = new Map<string, { statusId: string; expiresAt: number }>();
  /** Called after a status is stored (admin webhooks listen here). */
  readonly statusCreatedListeners: ((status: StatusRecord) => void)[] = [];
  private readonly ids = new FakeIds();

  constructor(
    readonly config: FakeInstanceConfig,
    readonly now: () => number,
  ) {}

  nextId(): string {
    return this.ids.next(this.now());
  }

  createAccount(username: string, displayName = username): AccountRecord {
    const account: AccountRecord = {
      id: this.nextId(),
      username,
      displayName,
      createdAt: this.now(),
      followers: new Set(),
      following: new Set(),
    };
    this.accounts.set(account.id, account);
    return account;
  }

  accountByUsername(username: string): AccountRecord | undefined {
    return [...this.accounts.values()].find(
      (account) => account.username.toLowerCase() === username.toLowerCase(),
    );
  }

  registerApp(input: {
    name: string;
    website: string | null;
    redirectUris: string[];
    scopes: string[];
  }): AppRecord {
    const app: AppRecord = {
      id: this.nextId(),
      ...input,
      clientId: randomBytes(16).toString('base64url'),
      clientSecret: randomBytes(32).toString('base64url'),
    };
    this.apps.set(app.id, app);
    return app;
  }

  appByClientId(clientId: unknown): AppRecord | undefined {
    return [...this.apps.values()].find((app) => app.clientId === clientId);
  }

  issueToken(accountId: string | null, appId: string | null, scopes: readonly string[]): TokenRecord {
    const record: TokenRecord = {
      token: randomBytes(32).toString('base64url'),
      accountId,
      appId,
      scopes,
      createdAt: this.now(),
      revokedAt: null,
    };
    this.tokens.set(record.token, record);
    return record;
  }

  /** Tokens never expire; they stop working only when revoked. */
  validToken(token: string | undefined): TokenRecord | null {
    if (!token) {
      return null;
    }
    const record = this.tokens.get(token);
    return record && record.revokedAt === null ? record : null;
  }

  follow(followerId: string, followeeId: string): void {
    this.accounts.get(followerId)?.following.add(followeeId);
    const followee = this.accounts.get(followeeId);
    if (followee && !followee.followers.has(followerId)) {
      followee.followers.add(followerId);
      this.notify('follow', followeeId, followerId, null);
    }
  }

  addStatus(
    status: Omit<StatusRecord, 'id' | 'createdAt' | 'favouritedBy' | 'rebloggedBy' | 'deletedAt'>,
  ): StatusRecord {
    const record: StatusRecord = {
      ...status,
      id: this.nextId(),
      createdAt: this.now(),
      favouritedBy: new Set(),
      rebloggedBy: new Set(),
      deletedAt: null,
    };
    this.statuses.set(record.id, record);
    indexed(this.statusesByAccount, record.accountId).push(record);
    if (record.inReplyToId !== null) {
      indexed(this.repliesByParent, record.inReplyToId).push(record);
    }
    for (const mediaId of record.mediaIds) {
      const media = this.media.get(mediaId);
      if (media) {
        media.statusId = record.id;
      }
    }
    for (const mentioned of record.mentions) {
      if (mentioned !== record.accountId) {
        this.notify('mention', mentioned, record.accountId, record.id);
      }
    }
    if (record.visibility === 'direct') {
      this.updateConversations(record);
    }
    for (const listener of this.statusCreatedListeners) {
      listener(record);
    }
    return record;
  }

  /** The account's statuses, deleted ones included, oldest first. */
  statusesOf(accountId: string): readonly StatusRecord[] {
    return this.statusesByAccount.get(accountId) ?? [];
  }

  /** The direct replies to a status, deleted ones included, oldest first. */
  repliesTo(statusId: string): readonly StatusRecord[] {
    return this.repliesByParent.get(statusId) ?? [];
  }

  liveStatus(id: string): StatusRecord | undefined {
    const status = this.statuses.get(id);
    return status && status.deletedAt === null ? status : undefined;
  }

  /** Who may see a status: its author, anyone for public and unlisted, followers for private, mentions for direct. */
  canSee(status: StatusRecord, viewerId: string | null): boolean {
    if (status.accountId === viewerId) {
      return true;
    }
    if (status.visibility === 'public' || status.visibility === 'unlisted') {
      return true;
    }
    if (viewerId === null) {
      return false;
    }
    if (status.mentions.includes(viewerId)) {
      return true;
    }
    return (
      status.visibility === 'private' &&
      (this.accounts.get(status.accountId)?.followers.has(viewerId) ?? false)
    );
  }

  notify(type: NotificationType, accountId: string, fromAccountId: string, statusId: string | null): void {
    this.notifications.push({
      id: this.nextId(),
      type,
      accountId,
      fromAccountId,
      statusId,
      createdAt: this.now(),
    });
  }

  private updateConversations(status: StatusRecord): void {
    const everyone = [...new Set([status.accountId, ...status.mentions])];
    for (const ownerId of everyone) {
      const others = everyone.filter((id) => id !== ownerId).sort();
      const existing = this.conversations.find(
        (conversation) =>
          conversation.ownerId === ownerId && conversation.participantIds.join() === others.join(),
      );
      if (existing) {
        existing.lastStatusId = status.id;
        existing.unread = ownerId !== status.accountId;
      } else {
        this.conversations.push({
          id: this.nextId(),
          ownerId,
          participantIds: others,
          lastStatusId: status.id,
          unread: ownerId !== status.accountId,
        });
      }
    }
  }
}

function indexed<K, V>(index: Map<K, V[]>, key: K): V[] {
  let list = index.get(key);
  if (list === undefined) {
    list = [];
    index.set(key, list);
  }
  return list;
}
