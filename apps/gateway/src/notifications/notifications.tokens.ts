export const NOTIFICATION_STORE = Symbol('gateway:notification-store');
export const DELIVERY_QUEUE = Symbol('gateway:notification-delivery-queue');
export const NOTIFICATION_WEBHOOKS = Symbol('gateway:notification-webhooks');
export const WEBHOOK_TRANSPORT = Symbol('gateway:webhook-transport');
export const RECIPIENT_DIRECTORY = Symbol('gateway:recipient-directory');
export const NOTIFICATION_SIGNAL = Symbol('gateway:notification-signal');
/** NotificationSettings; optional, given by the host (the embedded host allows loopback http webhooks). */
export const NOTIFICATION_SETTINGS = Symbol('gateway:notification-settings');

export interface NotificationSettings {
  /** Plain-http webhooks to 127.0.0.1 / localhost / [::1] (embedded installs and tests). Default false. */
  readonly allowLoopbackHttpWebhooks?: boolean;
  /** How often the delivery worker and the live streams look for new rows. Default 1000 ms. */
  readonly pollIntervalMs?: number;
  /** Delays between delivery attempts; default 10 s, 1 min, 5 min, 30 min, 2 h, 6 h. */
  readonly retryDelaysMs?: readonly number[];
  /** Per webhook call. Default 10 s. */
  readonly webhookTimeoutMs?: number;
  /** How often a live stream re-checks its credential and workspaces, closing when access is gone. Default 5 s. */
  readonly streamAccessCheckMs?: number;
}
