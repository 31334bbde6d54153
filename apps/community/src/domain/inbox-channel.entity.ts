/**
 * A channel as the inbox knows it, from the gateway's ChannelConnected and ChannelDisconnected events: enough
 * to route an interaction that a network pushes for one of its accounts to the workspace that owns it.
 */
export interface InboxChannel {
  readonly channelId: string;
  readonly tenantId: string;
  readonly workspaceId: string;
  readonly network: string;
  /** The account's id on the network, as the connector spells it (its Credentials.accountId). */
  readonly accountRemoteId: string;
  readonly accountHandle: string;
  readonly connected: boolean;
}
