import { z } from 'zod';

const Kind = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, "must be lower-case kebab-case, like 'post-failed'");

export const NotificationIdParam = z.uuid();

export const ListNotificationsSearch = z.strictObject({
  unread: z.enum(['true', 'false']).optional().describe('true: unread ones only'),
  workspaceId: z.uuid().optional().describe("Only this workspace's (default: every workspace)"),
  before: z.uuid().optional().describe('The id of the last notification of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListNotificationsSearch = z.infer<typeof ListNotificationsSearch>;

export const NotificationResponse = z.object({
  id: z.uuid(),
  workspaceId: z.uuid().nullable(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable().describe('A console path, e.g. /content/posts/<id>'),
  object: z.object({ type: z.string(), id: z.string() }).nullable(),
  source: z.string().describe('The service that raised it'),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});

export const NotificationListResponse = z.object({
  items: z.array(NotificationResponse),
  unreadCount: z.int().describe('All your unread notifications, not only this page'),
  nextBefore: z.uuid().nullable().describe('Pass as `before` for the next page; null on the last'),
});

export const UnreadCountResponse = z.object({ unreadCount: z.int() });

export const MarkedReadResponse = z.object({ marked: z.int().describe('How many were unread') });

export const TestNotificationResponse = z.object({
  id: z.uuid().nullable().describe('The in-app notification; null when you turned the console off for tests'),
  emails: z.int(),
  webhooks: z.int(),
});

export const PreferenceItem = z.strictObject({
  kind: Kind,
  inApp: z.boolean().describe('Show it in the console (list and live stream)'),
  email: z.boolean().describe('Send it by e-mail'),
});

export const SetPreferencesBody = z.strictObject({
  items: z.array(PreferenceItem).min(1, 'name at least one kind').max(50),
});
export type SetPreferencesBody = z.infer<typeof SetPreferencesBody>;

export const PreferencesResponse = z.object({
  items: z.array(
    PreferenceItem.extend({
      description: z.string().nullable(),
      chosen: z.boolean().describe("false: the kind's defaults, never changed"),
    }),
  ),
});
