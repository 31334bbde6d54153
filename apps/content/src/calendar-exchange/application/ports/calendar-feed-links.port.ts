/** The generation of each workspace's calendar feed link: links of an older generation are revoked. */
export interface CalendarFeedLinks {
  /** 1 until the link is first revoked. */
  generation(tenantId: string, workspaceId: string): Promise<number>;
  /** Moves to the next generation (every link given so far stops working) and returns it. */
  revoke(tenantId: string, workspaceId: string, by: string, now: Date): Promise<{ generation: number }>;
  /** When the links of generations before the current one were revoked, null when never. */
  revokedAt(tenantId: string, workspaceId: string): Promise<Date | null>;
}
