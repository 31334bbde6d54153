import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SealedSecret } from '../../application/ports/token-vault.port.js';

@Entity({ schema: 'gateway', name: 'channel' })
export class ChannelOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ type: 'text' })
  network!: string;

  @Column({ name: 'remote_account_id', type: 'text' })
  remoteAccountId!: string;

  @Column({ type: 'text' })
  handle!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ name: 'avatar_url', type: 'text', nullable: true })
  avatarUrl!: string | null;

  @Column({ type: 'text' })
  state!: string;

  @Column({ name: 'state_reason', type: 'text', nullable: true })
  stateReason!: string | null;

  @Column({ type: 'text', array: true })
  scopes!: string[];

  @Column({ name: 'token_expires_at', type: 'timestamptz', nullable: true })
  tokenExpiresAt!: Date | null;

  /** The vault's envelope (ADR 0013); null once disconnected. Never the tokens in clear. */
  @Column({ type: 'jsonb', nullable: true })
  credentials!: SealedSecret | null;

  /** The master key that wraps `credentials`, for the re-wrap job's index. */
  @Column({ name: 'vault_key_id', type: 'text', nullable: true })
  vaultKeyId!: string | null;

  @Column({ name: 'connected_by_id', type: 'uuid' })
  connectedById!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
