import { z } from 'zod';
import type { SeriesView } from '../../../application/commands/create-series/create-series.command.js';
import type { PostContentInput } from '../../../domain/post.aggregate.js';
import type { PostSeriesProps } from '../../../domain/recurrence/post-series.aggregate.js';
import { PostBody } from './post-body.dto.js';
import { PostDto, ProblemDto } from './post.dto.js';

const LocalDate = z.iso.date().describe('YYYY-MM-DD');
const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:mm (00:00 to 23:59)');

export const SeriesBody = PostBody.extend({
  rule: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .describe(
      'RFC 5545 RRULE: FREQ=DAILY|WEEKLY|MONTHLY with INTERVAL, BYDAY (MO..SU; monthly also 1MO, -1FR), ' +
        'BYMONTHDAY (1..31, -1 last), COUNT or UNTIL. Other parts are refused by name.',
    ),
  startDate: LocalDate.describe('The first local day the rule is counted from'),
  time: LocalTime.describe(
    'Local time of every occurrence; see docs/adr/0016 for times daylight saving skips',
  ),
  timeZone: z.string().min(1).max(100).describe('IANA zone the date and time are read in, e.g. Europe/Rome'),
});

export type SeriesBody = z.infer<typeof SeriesBody>;

export const EditSeriesBody = SeriesBody.extend({
  revision: z.int().positive().describe('The revision of the series the edit is based on'),
});

export type EditSeriesBody = z.infer<typeof EditSeriesBody>;

export const EndSeriesBody = z.strictObject({
  revision: z.int().positive().describe('The revision of the series the end is based on'),
});

const TemplateDto = PostDto.pick({
  text: true,
  media: true,
  firstComment: true,
  thread: true,
  contentType: true,
  tags: true,
  campaignId: true,
  pillarKey: true,
  goalIds: true,
}).extend({ targets: z.array(PostDto.shape.targets.element.omit({ targetId: true })) });

export const SeriesSummaryDto = z.object({
  id: z.uuid(),
  workspaceId: z.uuid(),
  status: z.enum(['active', 'ended']),
  revision: z.int(),
  rule: z.string().describe('The rule as stored, in RFC 5545 form'),
  startDate: LocalDate,
  time: LocalTime,
  timeZone: z.string(),
  post: TemplateDto.describe('What every occurrence is made from'),
  problems: z
    .array(z.object({ occurrenceAt: z.iso.datetime(), problems: z.array(ProblemDto) }))
    .describe('Occurrences the last run could not schedule (kept as drafts), and why'),
  materialisedAt: z.iso.datetime().nullable().describe('When occurrences were last made'),
  endedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  createdBy: z.uuid(),
  updatedAt: z.iso.datetime(),
  updatedBy: z.uuid(),
});

export const SeriesDto = SeriesSummaryDto.extend({
  occurrences: z
    .array(
      z.object({
        postId: z.uuid(),
        occurrenceAt: z.iso.datetime(),
        status: z.enum(['draft', 'scheduled']),
        publishAt: z.iso.datetime().nullable(),
        changedByPerson: z.boolean().describe('Edited by a person: edits of the series leave it alone'),
      }),
    )
    .describe('The posts made so far, by occurrence time'),
  warnings: z.array(ProblemDto),
});

export const SeriesListDto = z.object({ items: z.array(SeriesSummaryDto) });

/** The body's post fields, as contentOf reads them, and the series' own. */
export function seriesInputOf(body: SeriesBody, template: PostContentInput) {
  return {
    template,
    rule: body.rule,
    start: { date: body.startDate, time: body.time, timeZone: body.timeZone },
  };
}

function templateDto(t: PostContentInput): z.infer<typeof TemplateDto> {
  return {
    text: t.master.text,
    media: [...t.master.media],
    firstComment: t.master.firstComment,
    thread: t.master.thread.map((i) => ({ text: i.text, media: [...i.media] })),
    targets: t.targets.map((x) => ({
      channelId: x.channelId,
      text: x.text,
      media: x.media === null ? null : [...x.media],
      firstComment: x.firstComment,
      thread: x.thread === null ? null : x.thread.map((i) => ({ text: i.text, media: [...i.media] })),
      settings: { ...x.settings },
    })),
    contentType: t.contentType,
    tags: [...t.tags],
    campaignId: t.campaignId,
    pillarKey: t.pillarKey,
    goalIds: [...t.goalIds],
  };
}

export function toSeriesSummaryDto(s: PostSeriesProps, ruleText: string): z.infer<typeof SeriesSummaryDto> {
  return {
    id: s.id,
    workspaceId: s.workspaceId,
    status: s.status,
    revision: s.revision,
    rule: ruleText,
    startDate: s.start.date,
    time: s.start.time,
    timeZone: s.start.timeZone,
    post: templateDto(s.template),
    problems: s.lastProblems.map((p) => ({
      occurrenceAt: p.occurrenceAt.toISOString(),
      problems: p.problems.map((x) => ({ field: x.field, problem: x.problem })),
    })),
    materialisedAt: s.materialisedAt?.toISOString() ?? null,
    endedAt: s.endedAt?.toISOString() ?? null,
    createdAt: s.createdAt.toISOString(),
    createdBy: s.createdBy,
    updatedAt: s.updatedAt.toISOString(),
    updatedBy: s.updatedBy,
  };
}

export function toSeriesDto(view: SeriesView): z.infer<typeof SeriesDto> {
  return {
    ...toSeriesSummaryDto(view.series, view.ruleText),
    occurrences: view.occurrences.map((o) => ({
      postId: o.postId,
      occurrenceAt: o.occurrenceAt.toISOString(),
      status: o.status,
      publishAt: o.publishAt?.toISOString() ?? null,
      changedByPerson: o.changedByPerson,
    })),
    warnings: view.warnings.map((w) => ({ field: w.field, problem: w.problem })),
  };
}
