/**
 * Runs work in one transaction as the tenant: repositories called inside join it, so a decision, its link being
 * used and its events commit together or not at all.
 */
export interface UnitOfWork {
  run<T>(tenantId: string, work: () => Promise<T>): Promise<T>;
}
