export class DisconnectChannelCommand {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly channelId: string,
    readonly memberId: string,
  ) {}
}
