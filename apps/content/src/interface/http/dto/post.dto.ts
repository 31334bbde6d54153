import { z } from 'zod';
import type { ContentProblem } from '../../../domain/content.errors.js';
import { CONTENT_TYPES } from '../../../domain/post-content.value-object.js';
import type { PostOrigin, PostProps } from '../../../domain/post.aggregate.js';
import type { RenderedTarget } from '../../../domain/rendered-target.value-object.js';
import { MediaRefBody, TargetBody } from './post-body.dto.js';

export const MediaRefDto = MediaRefBody.extend({
  kind: z.enum(['image', 'video', 'gif']),
  mimeType: z.string(),
  url: z.url().describe('A signed link to the file (or its derivative for the network), valid for a while'),
  sizeBytes: z.int().nullable(),
  width: z.int().nullable(),
  height: z.int().nullable(),
  durationSeconds: z.number().nullable(),
  altText: z.string().nullable(),
});
export const ThreadDto = z.array(z.object({ text: z.string(), media: z.array(MediaRefDto) }));

export const ProblemDto = z.object({ field: z.string(), problem: z.string() });

export const PostDto = z.object({
  id: z.uuid(),
  workspaceId: z.uuid(),
  status: z.enum(['draft', 'scheduled']),
  revision: z.int(),
  text: z.string(),
  media: z.array(MediaRefDto),
  firstComment: z.string().nullable(),
  thread: ThreadDto,
  targets: z.array(
    TargetBody.required().extend({
      targetId: z.uuid(),
      media: z.array(MediaRefDto).nullable(),
      thread: ThreadDto.nullable(),
    }),
  ),
  contentType: z.enum(CONTENT_TYPES),
  tags: z.array(z.string()),
  campaignId: z.uuid().nullable(),
  pillarKey: z.string().nullable(),
  goalIds: z.array(z.uuid()),
  schedule: z.object({ publishAt: z.iso.datetime(), timeZone: z.string() }).nullable(),
  origin: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('series'), seriesId: z.uuid(), occurrenceAt: z.iso.datetime() }),
      z.object({ kind: z.literal('evergreen'), sourcePostId: z.uuid(), requeue: z.int() }),
    ])
    .nullable()
    .describe('Made by Chorus: an occurrence of a series, or the n-th re-queue of an evergreen post'),
  createdAt: z.iso.datetime(),
  createdBy: z.uuid(),
  updatedAt: z.iso.datetime(),
  updatedBy: z.uuid(),
});

export type PostDto = z.infer<typeof PostDto>;

export const PostListDto = z.object({ items: z.array(PostDto) });

export const PostWithWarningsDto = PostDto.extend({
  warnings: z.array(ProblemDto).describe("Brand-voice guidance the post does not follow; it doesn't block"),
});

export const RenderedTargetDto = z.object({
  targetId: z.uuid(),
  channelId: z.uuid(),
  network: z.string(),
  contentType: z.enum(CONTENT_TYPES),
  text: z.string().describe('As it will be sent: links carry their UTM tags'),
  firstComment: z.string().nullable(),
  thread: ThreadDto,
  media: z.array(MediaRefDto),
  settings: z.record(z.string(), z.unknown()),
  utm: z
    .object({ source: z.string(), medium: z.string(), campaign: z.string(), content: z.string().nullable() })
    .nullable(),
});

export const PostChecksDto = z.object({
  problems: z.array(ProblemDto).describe('Each one stops the post from being scheduled'),
  warnings: z.array(ProblemDto),
  targets: z.array(RenderedTargetDto).describe('The targets that could be rendered'),
});

export function toPostDto(p: PostProps): PostDto {
  return {
    id: p.id,
    workspaceId: p.workspaceId,
    status: p.status,
    revision: p.revision,
    text: p.master.text,
    media: [...p.master.media],
    firstComment: p.master.firstComment,
    thread: p.master.thread.map((t) => ({ text: t.text, media: [...t.media] })),
    targets: p.targets.map((t) => ({
      targetId: t.targetId,
      channelId: t.channelId,
      text: t.text,
      media: t.media === null ? null : [...t.media],
      firstComment: t.firstComment,
      thread: t.thread === null ? null : t.thread.map((i) => ({ text: i.text, media: [...i.media] })),
      settings: { ...t.settings },
    })),
    contentType: p.contentType,
    tags: [...p.tags],
    campaignId: p.campaignId,
    pillarKey: p.pillarKey,
    goalIds: [...p.goalIds],
    schedule:
      p.schedule === null
        ? null
        : { publishAt: p.schedule.publishAt.toISOString(), timeZone: p.schedule.timeZone },
    origin: originDto(p.origin),
    createdAt: p.createdAt.toISOString(),
    createdBy: p.createdBy,
    updatedAt: p.updatedAt.toISOString(),
    updatedBy: p.updatedBy,
  };
}

function originDto(origin: PostOrigin | null): PostDto['origin'] {
  switch (origin?.kind) {
    case undefined:
      return null;
    case 'series':
      return { kind: 'series', seriesId: origin.seriesId, occurrenceAt: origin.occurrenceAt.toISOString() };
    case 'evergreen':
      return { kind: 'evergreen', sourcePostId: origin.sourcePostId, requeue: origin.requeue };
  }
}

export function toRenderedTargetDto(t: RenderedTarget): z.infer<typeof RenderedTargetDto> {
  return {
    ...t,
    thread: t.thread.map((i) => ({ text: i.text, media: [...i.media] })),
    media: [...t.media],
    settings: { ...t.settings },
  };
}

export function toProblems(problems: readonly ContentProblem[]): z.infer<typeof ProblemDto>[] {
  return problems.map((p) => ({ field: p.field, problem: p.problem }));
}
