export interface StoredApiToken {
  readonly hash: string;
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
}
