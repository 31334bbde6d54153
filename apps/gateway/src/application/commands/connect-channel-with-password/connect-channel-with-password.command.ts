export class ConnectChannelWithPasswordCommand {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly memberId: string,
    readonly network: string,
    readonly identifier: string,
    /** An app password: checked against the network, sealed in the vault, never logged. */
    readonly password: string,
    readonly params: Readonly<Record<string, string>>,
  ) {}
}
