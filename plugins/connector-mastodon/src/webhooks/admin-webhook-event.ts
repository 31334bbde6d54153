import { z } from '@chorus/connector-sdk';

// The parts of a Mastodon admin webhook delivery this connector reads. Mastodon 4.x posts
// `{"event":"status.created","created_at":"...","object":{...REST::Status...}}`; other events (account.*,
// report.*, status.updated) carry other objects and are ignored.
const mentionSchema = z.object({ id: z.string().min(1), acct: z.string() });

export const adminWebhookStatusSchema = z.object({
  id: z.string().min(1),
  created_at: z.string().min(1),
  in_reply_to_id: z.string().nullable(),
  in_reply_to_account_id: z.string().nullable(),
  visibility: z.enum(['public', 'unlisted', 'private', 'direct']),
  url: z.string().nullable(),
  content: z.string(),
  reblog: z.unknown().nullable(),
  account: z.object({
    id: z.string().min(1),
    acct: z.string().min(1),
    display_name: z.string(),
    url: z.string(),
  }),
  mentions: z.array(mentionSchema),
});

export type AdminWebhookStatus = z.infer<typeof adminWebhookStatusSchema>;

export const adminWebhookEventSchema = z.object({
  event: z.string().min(1),
  created_at: z.string().min(1),
  object: z.unknown(),
});
