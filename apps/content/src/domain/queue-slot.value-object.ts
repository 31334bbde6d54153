import { addDays, isoWeekday, toInstant, toLocal } from './zoned-time.value-object.js';

/** A recurring moment a channel publishes at: a weekday (1 Monday ... 7 Sunday) and a local time (HH:mm). */
export interface QueueSlot {
  readonly weekday: number;
  readonly time: string;
}

/** A channel's queue: its slots, read in the zone the team plans that channel in. */
export interface ChannelQueue {
  readonly channelId: string;
  readonly timeZone: string;
  readonly slots: readonly QueueSlot[];
}

/** How far ahead "add to queue" looks for a free slot. */
export const QUEUE_HORIZON_DAYS = 56;

/**
 * The first slot instant after `after` that no scheduled post of the channel holds. Slots are read in the
 * queue's zone with the daylight-saving rule of zoned-time (a skipped 02:30 publishes at 03:30; a repeated time
 * publishes at its first occurrence), so a slot may land on the same instant as another: it is then taken.
 */
export function nextFreeSlot(queue: ChannelQueue, after: Date, taken: ReadonlySet<number>): Date | null {
  const start = toLocal(queue.timeZone, after).date;
  for (let day = 0; day <= QUEUE_HORIZON_DAYS; day += 1) {
    const date = addDays(start, day);
    const weekday = isoWeekday(date);
    const instants = queue.slots
      .filter((slot) => slot.weekday === weekday)
      .map((slot) => toInstant(queue.timeZone, { date, time: slot.time }).getTime())
      .filter((instant) => instant > after.getTime() && !taken.has(instant))
      .sort((x, y) => x - y);
    if (instants.length > 0) {
      return new Date(instants[0]!);
    }
  }
  return null;
}
