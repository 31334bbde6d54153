import type { AgencyActor, AgencyRoles } from '../../../application/ports/agency-roles.port.js';

export interface NotificationWebhook {
  readonly id: string;
  readonly tenantId: string;
  /** The workspace whose notifications it receives; null: agency-wide, every workspace's (ADR 0018). */
  readonly workspaceId: string | null;
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

/** Which webhooks a caller may see: one workspace's, and the agency-wide ones for an agency role. */
export interface WebhookScope {
  readonly workspaceId: string;
  readonly includeAgencyWide: boolean;
}

/** The agency's outbound webhook endpoints. */
export interface NotificationWebhooks {
  add(webhook: NotificationWebhookWithSecret): Promise<void>;
  list(tenantId: string, scope: WebhookScope): Promise<NotificationWebhook[]>;
  /** The endpoints that receive this kind from this workspace (null: an agency-wide notification). */
  subscribedTo(tenantId: string, kind: string, workspaceId: string | null): Promise<NotificationWebhook[]>;
  /** With its secret (opened from the vault), for signing; null when it was removed meanwhile. */
  withSecret(tenantId: string, id: string): Promise<NotificationWebhookWithSecret | null>;
  exists(tenantId: string, id: string, scope: WebhookScope): Promise<boolean>;
  remove(tenantId: string, id: string, scope: WebhookScope): Promise<boolean>;
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

/** What a member acting in this workspace may see of the webhooks (ADR 0018). */
export async function webhookScopeFor(
  agencyRoles: AgencyRoles,
  tenantId: string,
  workspaceId: string,
  actor: AgencyActor,
): Promise<WebhookScope> {
  return { workspaceId, includeAgencyWide: (await agencyRoles.roleOf(tenantId, actor)) !== null };
}
