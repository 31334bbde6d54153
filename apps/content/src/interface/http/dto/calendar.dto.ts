import { z } from 'zod';
import { CALENDAR_VIEWS } from '../../../domain/calendar-range.value-object.js';
import type { Calendar } from '../../../application/queries/get-calendar/get-calendar.query.js';
import { PostDto, toPostDto } from './post.dto.js';

const LocalDate = z.iso.date().describe('YYYY-MM-DD');
const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:mm (00:00 to 23:59)');

export const CalendarQueryDto = z.strictObject({
  view: z.enum(CALENDAR_VIEWS),
  date: LocalDate.describe('A day in the period to show, in the viewer’s zone'),
  timeZone: z.string().min(1).max(100).describe("The viewer's IANA time zone"),
});

export type CalendarQueryDto = z.infer<typeof CalendarQueryDto>;

export const CalendarDto = z.object({
  view: z.enum(CALENDAR_VIEWS),
  timeZone: z.string(),
  firstDay: LocalDate,
  endDay: LocalDate.describe('The day after the last one shown'),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  entries: z.array(
    z
      .object({ localDate: LocalDate, localTime: LocalTime, post: PostDto })
      .describe('By time, earliest first'),
  ),
});

export function toCalendarDto(query: CalendarQueryDto, calendar: Calendar): z.infer<typeof CalendarDto> {
  return {
    view: query.view,
    timeZone: query.timeZone,
    firstDay: calendar.range.firstDay,
    endDay: calendar.range.endDay,
    from: calendar.range.from.toISOString(),
    to: calendar.range.to.toISOString(),
    entries: calendar.entries.map((e) => ({
      localDate: e.local.date,
      localTime: e.local.time,
      post: toPostDto(e.post),
    })),
  };
}

export const QueueDto = z.strictObject({
  channelId: z.uuid(),
  timeZone: z.string().min(1).max(100).describe('The IANA zone the slots are read in'),
  slots: z
    .array(
      z.strictObject({
        weekday: z.int().min(1).max(7).describe('1 Monday ... 7 Sunday'),
        time: LocalTime.describe('Local time; see docs/adr/0016 for times daylight saving skips or repeats'),
      }),
    )
    .max(200),
});

export type QueueDto = z.infer<typeof QueueDto>;

export const QueueListDto = z.object({ items: z.array(QueueDto) });
