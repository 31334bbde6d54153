import { Injectable } from '@nestjs/common';
import { TenantTransactions } from '@chorus/service-kit';
import type { UnitOfWork } from '../../application/ports/unit-of-work.port.js';

/** The repositories join the ambient transaction this opens, so everything inside commits once. */
@Injectable()
export class TenantUnitOfWork implements UnitOfWork {
  constructor(private readonly transactions: TenantTransactions) {}

  run<T>(tenantId: string, work: () => Promise<T>): Promise<T> {
    return this.transactions.run(tenantId, () => work());
  }
}
