import { z } from 'zod';

const ActionName = z
  .string()
  .regex(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/, "must look like 'member.roles-changed'");

export const AuditLogSearch = z.strictObject({
  action: ActionName.optional(),
  actorId: z.uuid().optional(),
  objectType: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/, "must look like 'member'")
    .optional(),
  objectId: z.string().min(1).max(200).optional(),
  from: z.iso.datetime().optional().describe('Inclusive, ISO-8601'),
  to: z.iso.datetime().optional().describe('Exclusive, ISO-8601'),
  before: z.uuid().optional().describe('The id of the last entry of the previous page'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditLogSearch = z.infer<typeof AuditLogSearch>;

export const AuditLogExportSearch = AuditLogSearch.extend({
  limit: z.coerce.number().int().min(1).max(10_000).default(10_000),
});
export type AuditLogExportSearch = z.infer<typeof AuditLogExportSearch>;

export const AuditEntryResponse = z.object({
  id: z.uuid(),
  occurredAt: z.iso.datetime(),
  workspaceId: z.uuid().nullable(),
  actorId: z.uuid().nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string(),
  source: z.string(),
  details: z.record(z.string(), z.unknown()),
});

export const AuditLogResponse = z.object({
  items: z.array(AuditEntryResponse),
  nextBefore: z.uuid().nullable().describe('Pass as `before` for the next page; null on the last'),
});
