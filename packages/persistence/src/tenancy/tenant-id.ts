const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checked before the transaction starts so that a bad id fails with a clear message, not a cast error. */
export function assertTenantId(tenantId: string): void {
  if (typeof tenantId !== 'string' || !UUID.test(tenantId)) {
    throw new Error(`Invalid tenant id "${String(tenantId)}": a tenant id is a UUID.`);
  }
}
