import { randomBytes } from 'node:crypto';

export type AccountType = 'BUSINESS' | 'PINNER';

export interface UserRecord {
  readonly id: string;
  readonly username: string;
  accountType: AccountType;
  readonly businessName: string | null;
  readonly followers: Set<string>;
}

export interface BoardRecord {
  readonly id: string;
  readonly ownerId: string;
  name: string;
  description: string;
  privacy: 'PUBLIC' | 'PROTECTED' | 'SECRET';
  readonly sections: { readonly id: string; readonly name: string }[];
}

/** What people did to a pin; Pinterest's analytics count it. */
export interface PinCounters {
  impressions: number;
  saves: number;
  pinClicks: number;
  outboundClicks: number;
  comments: number;
  reactions: number;
  videoViews: number;
}

export interface PinRecord {
  readonly id: string;
  boardId: string;
  boardSectionId: string | null;
  readonly ownerId: string;
  title: string | null;
  description: string | null;
  link: string | null;
  altText: string | null;
  readonly mediaType: 'image' | 'video' | 'multiple_images';
  /** The `media_source` the pin was created with (base64 data replaced by its length). */
  readonly mediaSource: Readonly<Record<string, unknown>>;
  readonly createdAt: string;
  deleted: boolean;
  readonly counters: PinCounters;
}

export type MediaStatus = 'registered' | 'processing' | 'succeeded' | 'failed';

export interface MediaRecord {
  readonly id: string;
  readonly ownerId: string;
  status: MediaStatus;
  readonly uploadParameters: Readonly<Record<string, string>>;
  /** Status polls left in `processing`. */
  pollsLeft: number;
  failProcessing: boolean;
  bytes: number;
}

export interface TokenRecord {
  readonly userId: string;
  readonly scopes: readonly string[];
  expiresAt: number;
}

export interface RefreshTokenRecord {
  readonly userId: string;
  readonly scopes: readonly string[];
  readonly expiresAt: number;
  /** Replaced by a renewed one: no longer accepted. */
  used: boolean;
}

export interface CodeRecord {
  readonly userId: string;
  readonly scopes: readonly string[];
  readonly redirectUri: string;
  readonly expiresAt: number;
}

/** Everything the fake Pinterest knows. */
export class PinterestFakeState {
  readonly users = new Map<string, UserRecord>();
  readonly boards = new Map<string, BoardRecord>();
  readonly pins = new Map<string, PinRecord>();
  readonly media = new Map<string, MediaRecord>();
  readonly accessTokens = new Map<string, TokenRecord>();
  readonly refreshTokens = new Map<string, RefreshTokenRecord>();
  readonly codes = new Map<string, CodeRecord>();
  /** Every pin ever created, deleted ones included: duplicates are counted here. */
  readonly published: PinRecord[] = [];
  private sequence = 5_490_000_000_000_000n;

  nextId(): string {
    this.sequence += 1n + BigInt(Math.floor(Math.random() * 1000));
    return this.sequence.toString();
  }

  secret(): string {
    return randomBytes(24).toString('base64url');
  }

  createUser(username: string, accountType: AccountType = 'BUSINESS'): UserRecord {
    const user: UserRecord = {
      id: this.nextId(),
      username,
      accountType,
      businessName: accountType === 'BUSINESS' ? `${username} (business)` : null,
      followers: new Set(),
    };
    this.users.set(user.id, user);
    return user;
  }

  createBoard(owner: UserRecord, name: string, privacy: BoardRecord['privacy'] = 'PUBLIC'): BoardRecord {
    const board: BoardRecord = {
      id: this.nextId(),
      ownerId: owner.id,
      name,
      description: '',
      privacy,
      sections: [],
    };
    this.boards.set(board.id, board);
    return board;
  }

  livePins(): PinRecord[] {
    return [...this.pins.values()].filter((pin) => !pin.deleted);
  }
}

export const noCounters = (): PinCounters => ({
  impressions: 0,
  saves: 0,
  pinClicks: 0,
  outboundClicks: 0,
  comments: 0,
  reactions: 0,
  videoViews: 0,
});
