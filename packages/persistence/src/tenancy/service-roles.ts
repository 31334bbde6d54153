import { assertServiceName } from './identifiers.js';

export interface ServiceRoles {
  /** Tenant-scoped: row-level security limits it to the transaction's tenant. */
  readonly app: string;
  /** Cross-tenant jobs (outbox relay, schedulers): sees every row of the service's tables. */
  readonly system: string;
}

export function serviceRoles(service: string): ServiceRoles {
  assertServiceName(service);
  return { app: `chorus_${service}_app`, system: `chorus_${service}_system` };
}
