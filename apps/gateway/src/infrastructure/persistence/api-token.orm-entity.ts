import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'gateway', name: 'api_token' })
export class ApiTokenOrmEntity {
  /** SHA-256 of the token, hex; the token itself is never stored. */
  @PrimaryColumn({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  /** The public handle to list and revoke a token by (the hash never leaves the database). */
  @Column({ type: 'uuid' })
  id!: string;

  /** 'sign-in' (POST /api/auth/sign-in), 'session' (a browser's cookie) or 'named' (made for automation). */
  @Column({ type: 'text' })
  kind!: 'sign-in' | 'session' | 'named';

  @Column({ type: 'text', nullable: true })
  name!: string | null;

  /** The roles the token may act with; null: all the member's roles. */
  @Column({ type: 'text', array: true, nullable: true })
  scopes!: string[] | null;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
