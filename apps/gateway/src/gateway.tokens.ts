export const ACCOUNT_REPOSITORY = Symbol('gateway:account-repository');
export const API_TOKEN_REPOSITORY = Symbol('gateway:api-token-repository');
/** Record<service name, Upstream>: how to reach each service (HTTP or in-process), given by the host. */
export const UPSTREAMS = Symbol('gateway:upstreams');
/** The Ed25519 private KeyObject that signs identities for the services, given by the host. */
export const IDENTITY_SIGNING_KEY = Symbol('gateway:identity-signing-key');
export const PASSWORD_RESET_REPOSITORY = Symbol('gateway:password-reset-repository');
export const AUTH_THROTTLE = Symbol('gateway:auth-throttle');
/** A MailSender; the gateway's module defaults to the local outbox, a host may provide another. */
export const MAIL_SENDER = Symbol('gateway:mail-sender');
/** Mail an answer neither waits for nor depends on (sign-up notice, reset link, invitation): queued, sent after. */
export const BACKGROUND_MAIL_SENDER = Symbol('gateway:background-mail-sender');
export const MAIL_OUTBOX_READER = Symbol('gateway:mail-outbox-reader');
/** The public URL of the console (origin), for links in e-mail; optional, given by the host. */
export const PUBLIC_URL = Symbol('gateway:public-url');
export const AUDIT_LOG = Symbol('gateway:audit-log');
export const UNIT_OF_WORK = Symbol('gateway:unit-of-work');
/** A TokenVault (ADR 0013) from CHORUS_VAULT_MASTER_KEYS, given by the host; without it channels are off. */
export const TOKEN_VAULT = Symbol('gateway:token-vault');
/** The loaded connector plugins (a ConnectorHost), given by the host. */
export const CHANNEL_CONNECTORS = Symbol('gateway:channel-connectors');
/** The token services present to the internal API (CHORUS_INTERNAL_TOKEN), given by the host. */
export const INTERNAL_API_TOKEN = Symbol('gateway:internal-api-token');
/** A ChannelRefreshSchedule, or false to run no background sweep (tests drive it); optional. */
export const CHANNEL_REFRESH_SCHEDULE = Symbol('gateway:channel-refresh-schedule');
export const CHANNEL_REPOSITORY = Symbol('gateway:channel-repository');
export const OAUTH_AUTHORIZATION_STORE = Symbol('gateway:oauth-authorization-store');
/** AgencyRoles: a member's agency-level role (ADR 0018). */
export const AGENCY_ROLES = Symbol('gateway:agency-roles');
/** MailSettings: SMTP or the outbox (and its file drop), given by the host; default the outbox alone. */
export const MAIL_SETTINGS = Symbol('gateway:mail-settings');
/** OutboundPolicy: whether webhooks and connectors may reach private or loopback addresses; default no. */
export const OUTBOUND_POLICY = Symbol('gateway:outbound-policy');
/** OutboundTargets: the input check of URLs members give (ADR 0018). */
export const OUTBOUND_TARGETS = Symbol('gateway:outbound-targets');
