import type { BrandIdentity, BrandIdentityProps } from '../../domain/brand-identity.aggregate.js';

export interface BrandIdentityRepository {
  /** Adds a new version with its pending events; a concurrent save of the same version number fails. */
  addVersion(identity: BrandIdentity): Promise<void>;
  latest(tenantId: string, workspaceId: string): Promise<BrandIdentityProps | null>;
  version(tenantId: string, workspaceId: string, version: number): Promise<BrandIdentityProps | null>;
  /** Every version, newest first. */
  history(tenantId: string, workspaceId: string): Promise<BrandIdentityProps[]>;
}
