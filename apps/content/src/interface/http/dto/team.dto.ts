import { z } from 'zod';
import type { ChangedAssetRequest } from '../../../application/commands/change-asset-request-status/change-asset-request-status.command.js';
import type { PostComment } from '../../../application/ports/team-repository.port.js';
import {
  ASSET_KINDS,
  type AssetRequestProps,
} from '../../../domain/collaboration/asset-request.aggregate.js';

const STATUSES = ['open', 'in-progress', 'delivered', 'cancelled'] as const;

export const CommentBody = z.strictObject({
  body: z
    .string()
    .trim()
    .min(1)
    .max(5000)
    .describe('The comment; mention a member by writing @ and their member id (the console inserts it)'),
});
export type CommentBody = z.infer<typeof CommentBody>;

export const CommentDto = z.object({
  id: z.uuid(),
  postId: z.uuid(),
  body: z.string(),
  mentions: z.array(z.uuid()).describe('The members the body mentions (each was notified)'),
  authorId: z.uuid(),
  createdAt: z.iso.datetime(),
});
export const CommentListDto = z.object({ items: z.array(CommentDto) });

export const AssetRequestBody = z.strictObject({
  kind: z.enum(ASSET_KINDS),
  brief: z.string().trim().min(1).max(5000).describe('What is needed, sizes, references'),
  dueOn: z.iso.date().describe('The day it is due (YYYY-MM-DD), today or later'),
  assigneeId: z.uuid().describe('The designer or video maker (a member of the workspace)'),
});
export type AssetRequestBody = z.infer<typeof AssetRequestBody>;

export const AssetRequestStatusBody = z.strictObject({
  status: z.enum(STATUSES),
  mediaIds: z
    .array(z.uuid())
    .max(20)
    .default([])
    .describe('When delivered: the media made, from the library'),
  revision: z.int().positive().describe('The revision you read (409 when it moved)'),
});
export type AssetRequestStatusBody = z.infer<typeof AssetRequestStatusBody>;

export const AssetRequestQueryDto = z.strictObject({
  postId: z.uuid().optional(),
  assigneeId: z.uuid().optional(),
  status: z.enum(STATUSES).optional(),
});

export const AssetRequestDto = z.object({
  id: z.uuid(),
  postId: z.uuid(),
  kind: z.enum(ASSET_KINDS),
  brief: z.string(),
  dueOn: z.iso.date(),
  assigneeId: z.uuid(),
  requestedBy: z.uuid(),
  status: z.enum(STATUSES),
  mediaIds: z.array(z.uuid()).describe('The delivered media, attached to the post'),
  revision: z.int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  updatedBy: z.uuid(),
});
export const AssetRequestListDto = z.object({ items: z.array(AssetRequestDto) });

export const ChangedAssetRequestDto = AssetRequestDto.extend({
  attachment: z
    .object({
      attached: z.boolean().describe("Whether the delivered media are in the post's master content"),
      postRevision: z.int().nullable().describe('The post revision holding them (a new content version)'),
      reason: z.string().nullable().describe('Why they were not added (a scheduled post), or null'),
    })
    .nullable()
    .describe('On delivery: what became of the media on the post; null for other statuses'),
});

export function toChangedAssetRequestDto(c: ChangedAssetRequest): z.infer<typeof ChangedAssetRequestDto> {
  return { ...toAssetRequestDto(c.request), attachment: c.attachment };
}

export function toCommentDto(c: PostComment): z.infer<typeof CommentDto> {
  return {
    id: c.id,
    postId: c.postId,
    body: c.body,
    mentions: [...c.mentions],
    authorId: c.authorId,
    createdAt: c.createdAt.toISOString(),
  };
}

export function toAssetRequestDto(r: AssetRequestProps): z.infer<typeof AssetRequestDto> {
  return {
    id: r.id,
    postId: r.postId,
    kind: r.kind,
    brief: r.brief,
    dueOn: r.dueOn,
    assigneeId: r.assigneeId,
    requestedBy: r.requestedBy,
    status: r.status,
    mediaIds: [...r.mediaIds],
    revision: r.revision,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    updatedBy: r.updatedBy,
  };
}
