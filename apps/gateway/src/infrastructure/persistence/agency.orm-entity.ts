import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'gateway', name: 'agency' })
export class AgencyOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** Equal to id: the agency is its own tenant, and row-level security filters on tenant_id everywhere. */
  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
