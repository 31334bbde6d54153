import { addDays, isoWeekday, toInstant } from './zoned-time.value-object.js';

export const CALENDAR_VIEWS = ['month', 'week', 'day', 'list'] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

/** How many days the list view shows from its date. */
export const LIST_DAYS = 30;

export interface CalendarRange {
  /** First local day shown, and the day after the last (YYYY-MM-DD). */
  readonly firstDay: string;
  readonly endDay: string;
  /** The instants of those local midnights in the viewer's zone: [from, to). */
  readonly from: Date;
  readonly to: Date;
}

/**
 * The local days a view shows around `date`, in the viewer's zone: its day; its week, Monday to Sunday; its
 * month; or 30 days from it (list). Day boundaries are local midnights, so a day is 23 or 25 hours long on
 * daylight-saving days.
 */
export function calendarRange(view: CalendarView, date: string, zone: string): CalendarRange {
  let firstDay = date;
  let endDay: string;
  switch (view) {
    case 'day':
      endDay = addDays(date, 1);
      break;
    case 'week':
      firstDay = addDays(date, 1 - isoWeekday(date));
      endDay = addDays(firstDay, 7);
      break;
    case 'month': {
      firstDay = `${date.slice(0, 7)}-01`;
      const [year, month] = date.split('-').map(Number) as [number, number];
      endDay = new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
      break;
    }
    case 'list':
      endDay = addDays(date, LIST_DAYS);
      break;
  }
  return {
    firstDay,
    endDay,
    from: toInstant(zone, { date: firstDay, time: '00:00' }),
    to: toInstant(zone, { date: endDay, time: '00:00' }),
  };
}
