export const ACCOUNT_REPOSITORY = Symbol('gateway:account-repository');
export const API_TOKEN_REPOSITORY = Symbol('gateway:api-token-repository');
/** Record<service name, Upstream>: how to reach each service (HTTP or in-process), given by the host. */
export const UPSTREAMS = Symbol('gateway:upstreams');
/** The Ed25519 private KeyObject that signs identities for the services, given by the host. */
export const IDENTITY_SIGNING_KEY = Symbol('gateway:identity-signing-key');
