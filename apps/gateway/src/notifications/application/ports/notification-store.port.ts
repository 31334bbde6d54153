import type { ChannelChoice } from '../../domain/notification-kind.value-object.js';
import type { Notification } from '../../domain/notification.entity.js';

export interface NotificationPage {
  readonly tenantId: string;
  readonly recipientId: string;
  readonly unreadOnly: boolean;
  readonly workspaceId?: string | undefined;
  /** Notifications strictly older than this id (UUIDv7 ids sort by time). */
  readonly before?: string | undefined;
  readonly limit: number;
}

export interface StoredPreference extends ChannelChoice {
  readonly memberId: string;
  readonly kind: string;
}

/** The in-app notifications and the members' channel choices. */
export interface NotificationStore {
  add(notifications: readonly Notification[], eventId: string | null): Promise<void>;
  /** Newest first. */
  list(page: NotificationPage): Promise<Notification[]>;
  countUnread(tenantId: string, recipientId: string): Promise<number>;
  /** false when the member has no such notification (another member's, another agency's). */
  markRead(tenantId: string, recipientId: string, id: string, at: Date): Promise<boolean>;
  markAllRead(tenantId: string, recipientId: string, at: Date): Promise<number>;
  /** For the live stream: the recipients' notifications created after `since`, oldest first. */
  createdSince(tenantId: string, recipientIds: readonly string[], since: Date): Promise<Notification[]>;
  preferencesOf(tenantId: string, memberIds: readonly string[]): Promise<StoredPreference[]>;
  savePreferences(tenantId: string, preferences: readonly StoredPreference[]): Promise<void>;
}
