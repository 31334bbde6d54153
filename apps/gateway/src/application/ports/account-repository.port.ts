import type { Agency } from '../../domain/agency.aggregate.js';
import type { Member } from '../../domain/member.aggregate.js';
import type { Workspace } from '../../domain/workspace.entity.js';

export interface AccountRepository {
  /** Stores a new agency with its first workspace and admin; throws EmailAlreadyRegisteredError on a taken e-mail. */
  addAgency(agency: Agency, workspace: Workspace, admin: Member): Promise<void>;
  /** Across agencies: sign-in knows the e-mail, not the agency. */
  findMemberByEmail(email: string): Promise<Member | null>;
  findMember(tenantId: string, memberId: string): Promise<Member | null>;
  findAgency(tenantId: string): Promise<Agency | null>;
  listWorkspaces(tenantId: string, workspaceIds: readonly string[]): Promise<Workspace[]>;
}
