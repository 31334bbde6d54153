import type { AdAccount } from '../../domain/ad-account.aggregate.js';

export interface AdAccountRepository {
  /** Throws DuplicateAdAccountError when the workspace already has one like it. */
  add(adAccount: AdAccount): Promise<void>;
  listByWorkspace(tenantId: string, workspaceId: string): Promise<AdAccount[]>;
}
