import type { Identity } from './identity.js';
import type { Role } from './roles.js';

/** A signed-in member as the gateway knows them: their agency and their roles in each workspace. */
export interface AuthenticatedMember {
  readonly tenantId: string;
  readonly userId: string;
  readonly workspaces: readonly { readonly workspaceId: string; readonly roles: readonly Role[] }[];
  /** How they signed in: a browser session, a sign-in token or a named API token (absent: not said). */
  readonly credential?: 'session' | 'sign-in' | 'named';
  /** Set for a scoped API token: the only roles it may act with (already applied to `workspaces`). */
  readonly scopes?: readonly Role[];
}

export type WorkspaceChoice =
  | { readonly ok: true; readonly identity: Identity }
  | { readonly ok: false; readonly reason: 'choose-workspace' | 'not-a-member' };

/**
 * The identity a member acts with: in the workspace they asked for (which must be one of theirs), or in their
 * only workspace when they did not ask.
 */
export function identityInWorkspace(
  member: AuthenticatedMember,
  requested: string | undefined,
): WorkspaceChoice {
  const membership =
    requested === undefined
      ? member.workspaces.length === 1
        ? member.workspaces[0]
        : undefined
      : member.workspaces.find((w) => w.workspaceId === requested);
  if (membership === undefined) {
    return { ok: false, reason: requested === undefined ? 'choose-workspace' : 'not-a-member' };
  }
  return {
    ok: true,
    identity: {
      tenantId: member.tenantId,
      workspaceId: membership.workspaceId,
      userId: member.userId,
      roles: membership.roles,
    },
  };
}
