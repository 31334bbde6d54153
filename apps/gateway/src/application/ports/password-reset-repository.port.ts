export interface PasswordResetRequest {
  readonly hash: string;
  readonly tenantId: string;
  readonly memberId: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

export interface PasswordResetRepository {
  add(request: PasswordResetRequest): Promise<void>;
  /** The account a usable reset (not expired, not used) is for, without using it; null otherwise. */
  find(hash: string, now: Date): Promise<{ tenantId: string; memberId: string } | null>;
  /** Marks the reset used and returns it, once: null when unknown, expired or already used. */
  consume(hash: string, now: Date): Promise<{ tenantId: string; memberId: string } | null>;
}
