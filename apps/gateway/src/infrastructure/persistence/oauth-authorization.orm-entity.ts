import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SealedSecret } from '../../application/ports/token-vault.port.js';

/** A pending OAuth authorization, keyed by the SHA-256 of its state (the state itself is never stored). */
@Entity({ schema: 'gateway', name: 'oauth_authorization' })
export class OAuthAuthorizationOrmEntity {
  @PrimaryColumn({ name: 'state_hash', type: 'text' })
  stateHash!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @Column({ type: 'text' })
  network!: string;

  @Column({ name: 'redirect_uri', type: 'text' })
  redirectUri!: string;

  @Column({ type: 'jsonb' })
  sealed!: SealedSecret;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
