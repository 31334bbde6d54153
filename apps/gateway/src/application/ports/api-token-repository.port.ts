import type { Role } from '@chorus/access';

export type ApiTokenKind = 'sign-in' | 'session' | 'named';

export interface StoredApiToken {
  readonly id: string;
  readonly hash: string;
  readonly kind: ApiTokenKind;
  readonly name: string | null;
  /** The roles the token may act with; null: every role the member holds. */
  readonly scopes: readonly Role[] | null;
  readonly tenantId: string;
  readonly memberId: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

export interface ApiTokenRepository {
  add(token: StoredApiToken): Promise<void>;
  /** The token's owner when it exists, is not revoked and has not expired at `now`. */
  findActive(hash: string, now: Date): Promise<StoredApiToken | null>;
  revoke(hash: string, now: Date): Promise<void>;
  /** The member's active named tokens (made for automation), newest first. */
  listNamed(tenantId: string, memberId: string, now: Date): Promise<StoredApiToken[]>;
  /** False when the member has no active named token with this id. */
  revokeNamed(tenantId: string, memberId: string, id: string, now: Date): Promise<boolean>;
  /** Signs the member out everywhere: every browser session and sign-in token (named tokens stay). */
  revokeSignIns(tenantId: string, memberId: string, now: Date): Promise<void>;
  /** Every active token of the member, named ones included (a password reset); how many of each kind. */
  revokeAll(tenantId: string, memberId: string, now: Date): Promise<Record<ApiTokenKind, number>>;
}
