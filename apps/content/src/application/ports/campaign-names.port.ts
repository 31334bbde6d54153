/** Names of the workspace's campaigns by id, for UTM values. */
export interface CampaignNames {
  nameOf(tenantId: string, workspaceId: string, campaignId: string): Promise<string | null>;
}
