/** One notification as a member sees it in the console (the in-app channel). */
export interface Notification {
  readonly id: string;
  readonly tenantId: string;
  /** null: about the agency as a whole (a test notification, an agency-wide event). */
  readonly workspaceId: string | null;
  readonly recipientId: string;
  readonly kind: string;
  readonly title: string;
  readonly body: string;
  /** A console path (`/content/posts/<id>`) or null. */
  readonly link: string | null;
  readonly object: NotificationObject | null;
  readonly source: string;
  readonly createdAt: Date;
  readonly readAt: Date | null;
}

export interface NotificationObject {
  readonly type: string;
  readonly id: string;
}

/**
 * Who must hear about something: named members, whoever holds one of some roles in the workspace, or people
 * without an account (a client approver), whom only e-mail reaches.
 */
export type RecipientRule =
  | { readonly rule: 'members'; readonly memberIds: readonly string[] }
  | { readonly rule: 'roles'; readonly roles: readonly string[] }
  | { readonly rule: 'addresses'; readonly addresses: readonly OutsideAddress[] };

/** Someone outside the agency, named by the service that asks (it owns the address). */
export interface OutsideAddress {
  readonly email: string;
  readonly name: string;
}

/** What a service (or the gateway itself) asks the notification centre to say, before recipients are known. */
export interface NotificationRequest {
  readonly tenantId: string;
  readonly workspaceId: string | null;
  readonly kind: string;
  readonly title: string;
  readonly body: string;
  readonly link: string | null;
  readonly object: NotificationObject | null;
  readonly recipients: RecipientRule;
  /** The service that asked: 'content', 'gateway', ... */
  readonly source: string;
  /** The integration event it came from: the same event never notifies a member twice. */
  readonly eventId: string | null;
}
