/**
 * Agency-level roles (ADR 0018), apart from the roles a member holds in each workspace: an admin of one
 * workspace (a client's brand) is not an administrator of the agency. The founder is its owner.
 */
export const AGENCY_ROLES = ['owner', 'admin'] as const;
export type AgencyRole = (typeof AGENCY_ROLES)[number];

/**
 * Who asks, and with which credential: a scoped API token acts with the roles in its scopes only, and agency
 * roles are never among them, so it holds no agency role whatever its owner holds (ADR 0018).
 */
export interface AgencyActor {
  readonly memberId: string;
  readonly scopedCredential: boolean;
}

export interface AgencyRoles {
  /** The actor's agency role, or null when they hold none (always null through a scoped token). */
  roleOf(tenantId: string, actor: AgencyActor): Promise<AgencyRole | null>;
}
