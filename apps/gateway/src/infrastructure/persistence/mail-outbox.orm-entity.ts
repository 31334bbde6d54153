import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Mail as the embedded install "sends" it: kept for the agency's admins to read in the console. */
@Entity({ schema: 'gateway', name: 'mail_outbox' })
export class MailOutboxOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'text' })
  recipient!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
