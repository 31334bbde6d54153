export const SAVED_REPLY_REPOSITORY = Symbol('community:saved-reply-repository');
export const INTERACTION_REPOSITORY = Symbol('community:interaction-repository');
export const CHANNEL_DIRECTORY = Symbol('community:channel-directory');
/** Provided by the host that loads connector plugins (a ConnectorHost fits); absent, every webhook is a 404. */
export const WEBHOOK_CONNECTORS = Symbol.for('@chorus/community:webhook-connectors');
/**
 * Provided by the host: channel credentials from the gateway's vault, for connectors whose webhook deliveries
 * carry ids only (`complete`, ADR 0021). Absent, such interactions are stored as delivered.
 */
export const INBOX_CREDENTIALS = Symbol.for('@chorus/community:inbox-credentials');
