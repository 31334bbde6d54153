import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Failed sign-in attempts per key ('email:<address>' or 'ip:<address>'); no tenant, so no row-level security. */
@Entity({ schema: 'gateway', name: 'auth_throttle' })
export class AuthThrottleOrmEntity {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'integer' })
  failures!: number;

  @Column({ name: 'window_started_at', type: 'timestamptz' })
  windowStartedAt!: Date;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;
}
