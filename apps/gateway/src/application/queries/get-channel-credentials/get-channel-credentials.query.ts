import type { Credentials } from '@chorus/connector-sdk';

/** For services (the internal credentials API): the channel's working credentials. */
export class GetChannelCredentialsQuery {
  constructor(
    readonly tenantId: string,
    readonly channelId: string,
  ) {}
}

export interface ChannelCredentials {
  readonly channelId: string;
  readonly workspaceId: string;
  readonly network: string;
  readonly credentials: Credentials;
}
