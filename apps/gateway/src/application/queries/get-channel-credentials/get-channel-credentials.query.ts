import type { Credentials } from '@chorus/connector-sdk';

/** For services (the internal credentials API): the channel's working credentials; every read is audited. */
export class GetChannelCredentialsQuery {
  constructor(
    readonly tenantId: string,
    readonly channelId: string,
    /** Who asks and why, for the audit log (ADR 0018): 'content', 'publish'. */
    readonly reader: { readonly service: string; readonly purpose: string },
  ) {}
}

export interface ChannelCredentials {
  readonly channelId: string;
  readonly workspaceId: string;
  readonly network: string;
  readonly credentials: Credentials;
}
