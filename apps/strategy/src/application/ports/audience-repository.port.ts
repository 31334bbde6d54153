import type { Audience } from '../../domain/audience.aggregate.js';

export interface AudienceRepository {
  save(audience: Audience): Promise<void>;
  findById(tenantId: string, workspaceId: string, audienceId: string): Promise<Audience | null>;
  listByWorkspace(tenantId: string, workspaceId: string): Promise<Audience[]>;
  delete(tenantId: string, workspaceId: string, audienceId: string): Promise<boolean>;
}

export async function audienceIdsOf(
  audiences: AudienceRepository,
  tenantId: string,
  workspaceId: string,
): Promise<Set<string>> {
  return new Set((await audiences.listByWorkspace(tenantId, workspaceId)).map((a) => a.id));
}
