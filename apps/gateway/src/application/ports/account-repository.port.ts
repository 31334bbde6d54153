import { LastAdminError, MemberNotFoundError } from '../../domain/account.errors.js';
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
  /** A member who joins an existing agency (invited). */
  addMember(member: Member): Promise<void>;
  /** Replaces the member's workspaces and roles with those it holds now. */
  saveMemberships(member: Member): Promise<void>;
  addWorkspace(workspace: Workspace): Promise<void>;
  /** The members of one workspace of the agency, by name. */
  listWorkspaceMembers(tenantId: string, workspaceId: string): Promise<Member[]>;
  /** Stores the member's password hash and two-factor state as they are now. */
  saveCredentials(member: Member): Promise<void>;
  listWorkspaces(tenantId: string, workspaceIds: readonly string[]): Promise<Workspace[]>;
  /**
   * Every agency: seals TOTP secrets still in clear (from before the vault held them) and re-wraps those under
   * another master key than the active one, `batchSize` rows per transaction. A row it cannot open (its key gone
   * from the ring, a damaged envelope) is passed over and named in the report; the others go on.
   */
  sealTwoFactorSecrets(batchSize: number): Promise<TwoFactorSealReport>;
}

export interface TwoFactorSealReport {
  /** Rows sealed or re-wrapped under the active key. */
  readonly sealed: number;
  /** Members whose secret could not be (ids only, never a secret): they still need the old key. */
  readonly failedMemberIds: readonly string[];
}

// The lookups every account handler makes through the port.

/** The signed-in member; their row vanishing mid-request is a bug, not a user error. */
export async function loadMember(
  accounts: AccountRepository,
  tenantId: string,
  memberId: string,
): Promise<Member> {
  const member = await accounts.findMember(tenantId, memberId);
  if (member === null) {
    throw new Error(`member ${memberId} vanished while signed in`);
  }
  return member;
}

/** A member of this workspace; another agency's (invisible under row-level security) or another workspace's: 404. */
export async function loadWorkspaceMember(
  accounts: AccountRepository,
  tenantId: string,
  workspaceId: string,
  memberId: string,
): Promise<Member> {
  const member = await accounts.findMember(tenantId, memberId);
  if (member === null || member.rolesIn(workspaceId).length === 0) {
    throw new MemberNotFoundError(memberId);
  }
  return member;
}

export async function assertAnotherAdminRemains(
  accounts: AccountRepository,
  tenantId: string,
  workspaceId: string,
  leavingAdminId: string,
): Promise<void> {
  const members = await accounts.listWorkspaceMembers(tenantId, workspaceId);
  const others = members.filter((m) => m.id !== leavingAdminId && m.rolesIn(workspaceId).includes('admin'));
  if (others.length === 0) {
    throw new LastAdminError();
  }
}
