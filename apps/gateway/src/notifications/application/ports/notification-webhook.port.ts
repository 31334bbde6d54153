export interface NotificationWebhook {
  readonly id: string;
  readonly tenantId: string;
  readonly url: string;
  /** The kinds it receives; empty: every kind. */
  readonly kinds: readonly string[];
  readonly description: string | null;
  readonly createdAt: Date;
  readonly createdBy: string;
}

export interface NotificationWebhookWithSecret extends NotificationWebhook {
  readonly secret: string;
}

/** The agency's outbound webhook endpoints. */
export interface NotificationWebhooks {
  add(webhook: NotificationWebhookWithSecret): Promise<void>;
  list(tenantId: string): Promise<NotificationWebhook[]>;
  /** The endpoints that receive this kind. */
  subscribedTo(tenantId: string, kind: string): Promise<NotificationWebhook[]>;
  /** With its secret (opened from the vault), for signing; null when it was removed meanwhile. */
  withSecret(tenantId: string, id: string): Promise<NotificationWebhookWithSecret | null>;
  exists(tenantId: string, id: string): Promise<boolean>;
  remove(tenantId: string, id: string): Promise<boolean>;
  /**
   * Every agency: seals signing secrets still in clear (from before the vault held them) and re-wraps those
   * under another master key than the active one; how many rows changed.
   */
  sealSecrets(batchSize: number): Promise<number>;
}

/** Posts one signed body; never throws: the outcome says what happened. */
export interface WebhookTransport {
  post(
    url: string,
    body: string,
    headers: Record<string, string>,
    timeoutMs: number,
  ): Promise<{ status: number | null; error: string | null }>;
}
