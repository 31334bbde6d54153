/** Runs work in one transaction of the tenant: a state change and its audit entry commit together or not at all. */
export interface UnitOfWork {
  run<T>(tenantId: string, work: () => Promise<T>): Promise<T>;
}
