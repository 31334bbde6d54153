import type { Credentials } from '@chorus/connector-sdk';

/** The gateway refuses the channel's credentials: a member must reconnect it. */
export class ChannelMustReconnectError extends Error {
  override readonly name = 'ChannelMustReconnectError';
}

/**
 * The gateway has no such channel (disconnected or removed): nothing to reconnect in place, it must be connected
 * again. Keeps its parent's name, which other services match on.
 */
export class ChannelDisconnectedError extends ChannelMustReconnectError {}

/** The channel's credentials, from the gateway's token vault; never put on Kafka, never logged. */
export interface ChannelCredentials {
  /**
   * Throws ChannelDisconnectedError (no such channel), ChannelMustReconnectError (its access is refused), or any
   * other error when the gateway could not answer.
   */
  credentialsFor(tenantId: string, channelId: string): Promise<Credentials>;
}
