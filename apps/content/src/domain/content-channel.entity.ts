/**
 * A channel as content knows it, from the gateway's ChannelConnected / ChannelDisconnected /
 * ChannelReauthRequired events (docs/adr/0008 keeps the same kind of directory in community).
 */
export interface ContentChannel {
  readonly channelId: string;
  readonly tenantId: string;
  readonly workspaceId: string;
  readonly network: string;
  readonly handle: string;
  readonly displayName: string;
  readonly status: 'connected' | 'disconnected' | 'reauth-required';
  /** With reauth-required: when the authorisation stops working; null when it already has. */
  readonly mustReconnectBy: Date | null;
}
