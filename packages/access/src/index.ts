export { ROLES, isRole, type Role } from './roles.js';
export { PERMISSIONS, isPermission, type Permission } from './permissions.js';
export { ROLE_PERMISSIONS, hasPermission, permissionsOf } from './role-permissions.js';
export { IDENTITY_HEADER, WORKSPACE_HEADER } from './headers.js';
export type { Identity, IdentityClaims } from './identity.js';
export {
  IDENTITY_TTL_SECONDS,
  IdentityTokenError,
  signIdentity,
  verifyIdentity,
  type IdentityTokenFailure,
} from './identity-token.js';
export {
  generateIdentityKeyPair,
  parseIdentityPrivateKey,
  parseIdentityPublicKey,
  publicKeyOf,
  type IdentityKeyPair,
} from './identity-keys.js';
export { identityInWorkspace, type AuthenticatedMember, type WorkspaceChoice } from './member-access.js';
