import type { Credentials } from '@chorus/connector-sdk';

/** The end of every connection flow, once the network has issued credentials. */
export class RecordChannelConnectionCommand {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly memberId: string,
    readonly network: string,
    readonly credentials: Credentials,
  ) {}
}
