import { z } from 'zod';

const Kind = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, "must be lower-case kebab-case, like 'post-failed'");

export const WebhookIdParam = z.uuid();

export const CreateWebhookBody = z.strictObject({
  url: z.string().min(1).max(2000).describe('https:// (plain http only to loopback on an embedded install)'),
  kinds: z
    .array(Kind)
    .max(50)
    .default([])
    .describe('The kinds it receives, e.g. ["post-failed"]; empty or absent: every kind'),
  description: z.string().trim().min(1).max(200).optional(),
  scope: z
    .enum(['workspace', 'agency'])
    .default('workspace')
    .describe("workspace: this workspace's notifications; agency: every workspace's (needs an agency role)"),
});
export type CreateWebhookBody = z.infer<typeof CreateWebhookBody>;

export const WebhookResponse = z.object({
  id: z.uuid(),
  url: z.string(),
  kinds: z.array(z.string()),
  description: z.string().nullable(),
  scope: z.enum(['workspace', 'agency']),
  createdAt: z.iso.datetime(),
  createdBy: z.uuid(),
});

export const CreatedWebhookResponse = WebhookResponse.extend({
  secret: z.string().describe('Signs every delivery (x-chorus-signature); shown this once, keep it safe'),
});

export const WebhookListResponse = z.object({ items: z.array(WebhookResponse) });

export const DeliveriesSearch = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type DeliveriesSearch = z.infer<typeof DeliveriesSearch>;

export const DeliveryListResponse = z.object({
  items: z.array(
    z.object({
      id: z.uuid().describe('Also sent as x-chorus-delivery'),
      kind: z.string(),
      status: z.enum(['pending', 'delivered', 'failed']),
      attempts: z.int(),
      nextAttemptAt: z.iso.datetime().nullable(),
      deliveredAt: z.iso.datetime().nullable(),
      createdAt: z.iso.datetime(),
      log: z.array(
        z.object({
          attempt: z.int(),
          at: z.iso.datetime(),
          ok: z.boolean(),
          status: z.int().nullable().describe("The receiver's HTTP status"),
          error: z.string().nullable(),
          durationMs: z.int(),
        }),
      ),
    }),
  ),
});
