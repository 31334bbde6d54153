import { z } from 'zod';

export const MailOutboxQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type MailOutboxQuery = z.infer<typeof MailOutboxQuery>;

export const MailOutboxResponse = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      to: z.string(),
      subject: z.string(),
      text: z.string().nullable().describe("Null on another person's mail: only its recipient reads it"),
      createdAt: z.iso.datetime(),
    }),
  ),
});
