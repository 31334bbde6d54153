import type { AuthenticatedMember } from '@chorus/access';

/** How the edge (the gateway) turns a bearer token into a member; provided by the gateway's module. */
export interface EdgeAuthenticator {
  authenticate(bearerToken: string): Promise<AuthenticatedMember | null>;
}

export const EDGE_AUTHENTICATOR = Symbol('chorus:edge-authenticator');
