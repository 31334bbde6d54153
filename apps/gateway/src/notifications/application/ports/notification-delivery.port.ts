/** A notification on its way out of Chorus: an e-mail to one member, or a signed POST to one webhook. */
export type OutboundMessage =
  | { readonly channel: 'email'; readonly to: string; readonly subject: string; readonly text: string }
  | { readonly channel: 'webhook'; readonly webhookId: string; readonly body: string };

export interface DeliveryAttempt {
  readonly attempt: number;
  readonly at: string;
  readonly ok: boolean;
  /** The receiver's HTTP status, when it answered. */
  readonly status: number | null;
  readonly error: string | null;
  readonly durationMs: number;
}

export interface Delivery {
  readonly id: string;
  readonly tenantId: string;
  readonly kind: string;
  readonly message: OutboundMessage;
  readonly status: 'pending' | 'delivered' | 'failed';
  readonly attempts: number;
  readonly nextAttemptAt: Date | null;
  readonly deliveredAt: Date | null;
  readonly createdAt: Date;
  readonly log: readonly DeliveryAttempt[];
}

export interface NewDelivery {
  readonly id: string;
  readonly tenantId: string;
  readonly kind: string;
  readonly message: OutboundMessage;
  readonly createdAt: Date;
}

/** The queue of outbound deliveries, worked by every gateway instance, and their log. */
export interface DeliveryQueue {
  enqueue(deliveries: readonly NewDelivery[]): Promise<void>;
  /**
   * Leases up to `limit` due deliveries for `leaseMs` (FOR UPDATE SKIP LOCKED): another instance skips them, and a
   * worker that dies before recording the outcome leaves them due again when the lease ends.
   */
  claimDue(limit: number, now: Date, leaseMs: number): Promise<Delivery[]>;
  /** The outcome of one attempt: delivered, retry at `retryAt`, or failed for good when `retryAt` is null. */
  record(delivery: Delivery, attempt: DeliveryAttempt, retryAt: Date | null): Promise<void>;
  listForWebhook(tenantId: string, webhookId: string, limit: number): Promise<Delivery[]>;
}
