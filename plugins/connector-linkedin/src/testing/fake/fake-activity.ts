import type { LinkedinState, NotificationAction, NotificationRecord, PostRecord } from './fake-state.js';

/** Records an organization social action (6.4) and hands it to whoever listens (the webhook sender). */
export function notify(
  state: LinkedinState,
  now: number,
  organizationUrn: string,
  action: NotificationAction,
  sourcePost: PostRecord,
  generatedActivity: string,
): void {
  // LIKE, COMMENT and SHARE notifications exist only for PUBLIC posts.
  if (['LIKE', 'COMMENT', 'SHARE'].includes(action) && sourcePost.visibility !== 'PUBLIC') {
    return;
  }
  const notification: NotificationRecord = {
    notificationId: state.notifications.length + 1,
    organizationalEntity: organizationUrn,
    action,
    sourcePost: sourcePost.urn,
    generatedActivity,
    lastModifiedAt: now,
  };
  state.notifications.push(notification);
  for (const listener of state.listeners) {
    listener(notification);
  }
}

/** Whether a member may act as `author`: themself, or a page where they hold one of `roles`. */
export function mayActAs(
  state: LinkedinState,
  memberUrn: string,
  memberId: string,
  author: string,
  roles: readonly string[],
): boolean {
  if (author === memberUrn) {
    return true;
  }
  const role = state.organizationOf(author)?.roles.get(memberId);
  return role !== undefined && roles.includes(role);
}

export const POSTING_ROLES = ['ADMINISTRATOR', 'CONTENT_ADMIN', 'DIRECT_SPONSORED_CONTENT_POSTER'] as const;
export const READING_ROLES = [...POSTING_ROLES, 'ANALYST'] as const;
