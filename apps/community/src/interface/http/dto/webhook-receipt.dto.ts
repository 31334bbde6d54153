import { z } from 'zod';

export const ConnectorIdParam = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,63}$/u, 'must be the id of a loaded connector, such as mastodon');

export const WebhookReceiptDto = z
  .object({
    received: z.number().int().describe('Interactions the connector found in the delivery'),
    stored: z.number().int().describe('New interactions stored'),
    duplicates: z.number().int().describe('Already stored: a redelivery'),
    unroutable: z.number().int().describe('For an account no workspace has connected: not stored'),
  })
  .describe('What became of a genuine delivery');

export type WebhookReceiptDto = z.infer<typeof WebhookReceiptDto>;
