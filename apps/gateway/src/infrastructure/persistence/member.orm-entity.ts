import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SealedSecret } from '../../application/ports/token-vault.port.js';

@Entity({ schema: 'gateway', name: 'member' })
export class MemberOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** The TOTP secrets `{secret, pendingSecret}` (base32), sealed by the vault, bound to ('totp', member id). */
  @Column({ name: 'totp_sealed', type: 'jsonb', nullable: true })
  totpSealed!: SealedSecret | null;

  /** A clear secret from before the vault held them; the start-up pass seals it and clears this (ADR 0013). */
  @Column({ name: 'totp_secret_unsealed', type: 'text', nullable: true })
  totpSecretUnsealed!: string | null;

  @Column({ name: 'totp_pending_secret_unsealed', type: 'text', nullable: true })
  totpPendingSecretUnsealed!: string | null;

  /** The last time step a code was accepted for: older or equal steps are replays. */
  @Column({ name: 'totp_last_step', type: 'bigint', nullable: true })
  totpLastStep!: string | null;
}
