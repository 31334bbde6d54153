import type { Role } from './roles.js';

/** Who is calling, as the gateway vouches for it to one service. */
export interface Identity {
  readonly tenantId: string;
  readonly workspaceId: string;
  readonly userId: string;
  readonly roles: readonly Role[];
}

/** An identity with the claims that bound its use: which service it is for and until when. */
export interface IdentityClaims extends Identity {
  readonly audience: string;
  readonly issuedAt: number; // epoch seconds
  readonly expiresAt: number; // epoch seconds
}
