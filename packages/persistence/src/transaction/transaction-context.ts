import type { EntityManager, QueryRunner } from 'typeorm';
import { TENANT_SETTING } from '../tenancy/tenant-isolation-sql.js';
import { assertTenantId } from '../tenancy/tenant-id.js';
import type { ServiceRoles } from '../tenancy/service-roles.js';
import { TransactionClosedError } from './transaction-errors.js';
import type { Tx } from './tx.js';

// Role and tenant in one round trip; `true` makes both local to the transaction, so nothing leaks past COMMIT.
const SWITCH_ROLE_AND_TENANT = `SELECT set_config('role', $1, true), set_config('${TENANT_SETTING}', $2, true)`;

export class TransactionContext implements Tx {
  private open = true;
  private currentTenant: string | null = null;
  private readonly callbacks: Array<() => void> = [];

  constructor(
    private readonly runner: QueryRunner,
    private readonly roles: ServiceRoles,
  ) {}

  get manager(): EntityManager {
    this.assertOpen();
    return this.runner.manager;
  }

  get tenantId(): string | null {
    return this.currentTenant;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see Tx.query
  async query<R = any>(sql: string, params?: unknown[]): Promise<R[]> {
    this.assertOpen();
    const result = await this.runner.query(sql, params, true);
    return (result.records ?? []) as R[];
  }

  async setTenant(tenantId: string): Promise<void> {
    assertTenantId(tenantId);
    await this.switchTo(this.roles.app, tenantId);
  }

  /** Used once at start for a system transaction: the system role, no tenant. */
  async enterSystem(): Promise<void> {
    await this.switchTo(this.roles.system, null);
  }

  afterCommit(callback: () => void): void {
    this.assertOpen();
    this.callbacks.push(callback);
  }

  /** Ends the context; returns the afterCommit callbacks to run if the transaction committed. */
  close(): Array<() => void> {
    this.open = false;
    return this.callbacks.splice(0);
  }

  private async switchTo(role: string, tenantId: string | null): Promise<void> {
    this.assertOpen();
    await this.runner.query(SWITCH_ROLE_AND_TENANT, [role, tenantId ?? '']);
    this.currentTenant = tenantId;
  }

  private assertOpen(): void {
    if (!this.open) {
      throw new TransactionClosedError();
    }
  }
}
