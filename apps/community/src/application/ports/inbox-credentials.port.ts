import type { Credentials } from '@chorus/connector-sdk';

/** A channel's credentials, read from the gateway's token vault for one call; never stored or logged here. */
export interface InboxCredentials {
  credentialsFor(tenantId: string, channelId: string): Promise<Credentials>;
}
