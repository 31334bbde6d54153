/** The signed identity the gateway sends to a service with each request. */
export const IDENTITY_HEADER = 'x-chorus-identity';
/** The workspace a member acts in, chosen by the caller and checked by the gateway. */
export const WORKSPACE_HEADER = 'x-chorus-workspace';
