export class ListChannelsQuery {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
  ) {}
}
