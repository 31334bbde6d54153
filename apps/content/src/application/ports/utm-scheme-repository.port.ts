import type { UtmScheme } from '../../domain/utm-scheme.value-object.js';

export interface UtmSchemeRepository {
  /** The workspace's scheme, or the default when it never set one. */
  find(tenantId: string, workspaceId: string): Promise<UtmScheme>;
  save(tenantId: string, workspaceId: string, scheme: UtmScheme, by: string): Promise<void>;
}
