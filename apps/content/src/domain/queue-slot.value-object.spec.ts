import { describe, expect, it } from 'vitest';
import { calendarRange } from './calendar-range.value-object.js';
import { nextFreeSlot, type ChannelQueue } from './queue-slot.value-object.js';

const SUNDAY = 7;
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('queue slots across daylight saving', () => {
  const rome: ChannelQueue = {
    channelId: 'c',
    timeZone: 'Europe/Rome',
    slots: [
      { weekday: SUNDAY, time: '02:30' },
      { weekday: SUNDAY, time: '09:00' },
    ],
  };

  it('Europe/Rome: the Sunday 09:00 slot stays at 09:00 local on both sides of each transition', () => {
    const at = (after: string) =>
      iso(nextFreeSlot(rome, new Date(after), new Set([Date.parse('2027-03-21T01:30:00Z')])));
    expect(at('2027-03-21T05:00:00Z')).toBe('2027-03-21T08:00:00.000Z'); // CET
    expect(at('2027-03-28T05:00:00Z')).toBe('2027-03-28T07:00:00.000Z'); // CEST, the transition day
    expect(at('2027-10-31T05:00:00Z')).toBe('2027-10-31T08:00:00.000Z'); // CET again
  });

  it('Europe/Rome: 02:30 on the spring-forward day publishes at 03:30 CEST', () => {
    expect(iso(nextFreeSlot(rome, new Date('2027-03-22T00:00:00Z'), new Set()))).toBe(
      '2027-03-28T01:30:00.000Z',
    );
  });

  it('Europe/Rome: 02:30 on the fall-back day (it happens twice) publishes at the first, CEST', () => {
    expect(iso(nextFreeSlot(rome, new Date('2027-10-25T00:00:00Z'), new Set()))).toBe(
      '2027-10-31T00:30:00.000Z',
    );
  });

  const jerusalem: ChannelQueue = {
    channelId: 'c',
    timeZone: 'Asia/Jerusalem',
    slots: [
      { weekday: 5, time: '02:30' }, // Friday: Israel springs forward on the Friday before the last Sunday of March
      { weekday: SUNDAY, time: '01:30' },
    ],
  };

  it('Asia/Jerusalem: Friday 02:30 on the spring-forward day publishes at 03:30 IDT', () => {
    expect(iso(nextFreeSlot(jerusalem, new Date('2027-03-22T00:00:00Z'), new Set()))).toBe(
      '2027-03-26T00:30:00.000Z',
    );
  });

  it('Asia/Jerusalem: Sunday 01:30 on the fall-back day publishes at the first, IDT; the next week on IST', () => {
    const after = new Date('2027-10-30T00:00:00Z');
    const first = nextFreeSlot(jerusalem, after, new Set())!;
    expect(first.toISOString()).toBe('2027-10-30T22:30:00.000Z');
    expect(iso(nextFreeSlot(jerusalem, first, new Set()))).toBe('2027-11-05T00:30:00.000Z'); // Friday 02:30 IST
  });

  it('skips taken slots, and answers null when none is free within the horizon', () => {
    const taken = new Set([Date.parse('2027-03-28T01:30:00Z')]);
    expect(iso(nextFreeSlot(rome, new Date('2027-03-22T00:00:00Z'), taken))).toBe('2027-03-28T07:00:00.000Z');
    expect(nextFreeSlot({ ...rome, slots: [] }, new Date(), new Set())).toBeNull();
  });
});

describe('calendarRange', () => {
  it('bounds views by local midnights: the spring-forward day is 23 hours long in Rome', () => {
    const day = calendarRange('day', '2027-03-28', 'Europe/Rome');
    expect([day.from.toISOString(), day.to.toISOString()]).toEqual([
      '2027-03-27T23:00:00.000Z',
      '2027-03-28T22:00:00.000Z',
    ]);
  });

  it('weeks run Monday to Sunday, months from the first, lists 30 days', () => {
    expect(calendarRange('week', '2027-03-31', 'Asia/Jerusalem')).toMatchObject({
      firstDay: '2027-03-29',
      endDay: '2027-04-05',
    });
    expect(calendarRange('month', '2027-12-15', 'UTC')).toMatchObject({
      firstDay: '2027-12-01',
      endDay: '2028-01-01',
    });
    expect(calendarRange('list', '2027-01-01', 'UTC').endDay).toBe('2027-01-31');
  });
});
