import { describe, expect, it } from 'vitest';
import { isoWeekday, offsetMinutesAt, toInstant, toLocal } from './zoned-time.value-object.js';

const at = (zone: string, date: string, time: string) => toInstant(zone, { date, time }).toISOString();

describe('Europe/Rome across both transitions of 2027', () => {
  it('maps ordinary times with the offset in force: +01:00 in winter, +02:00 in summer', () => {
    expect(at('Europe/Rome', '2027-01-15', '09:30')).toBe('2027-01-15T08:30:00.000Z');
    expect(at('Europe/Rome', '2027-07-15', '09:30')).toBe('2027-07-15T07:30:00.000Z');
  });

  it('spring forward (Sun 28 March, 02:00 -> 03:00): 02:30 does not exist and moves to 03:30 CEST', () => {
    expect(at('Europe/Rome', '2027-03-28', '01:30')).toBe('2027-03-28T00:30:00.000Z');
    expect(at('Europe/Rome', '2027-03-28', '02:30')).toBe('2027-03-28T01:30:00.000Z');
    expect(toLocal('Europe/Rome', new Date('2027-03-28T01:30:00.000Z'))).toEqual({
      date: '2027-03-28',
      time: '03:30',
    });
    expect(at('Europe/Rome', '2027-03-28', '03:30')).toBe('2027-03-28T01:30:00.000Z');
  });

  it('fall back (Sun 31 October, 03:00 -> 02:00): 02:30 happens twice and is the first, on CEST', () => {
    expect(at('Europe/Rome', '2027-10-31', '02:30')).toBe('2027-10-31T00:30:00.000Z');
    expect(offsetMinutesAt('Europe/Rome', new Date('2027-10-31T00:30:00.000Z'))).toBe(120);
    // 01:30 happens once in Rome that day: before the change.
    expect(at('Europe/Rome', '2027-10-31', '01:30')).toBe('2027-10-30T23:30:00.000Z');
    expect(at('Europe/Rome', '2027-10-31', '03:30')).toBe('2027-10-31T02:30:00.000Z');
  });
});

describe('Asia/Jerusalem across both transitions of 2027', () => {
  it('spring forward (Fri 26 March, 02:00 -> 03:00): 02:30 does not exist and moves to 03:30 IDT', () => {
    expect(at('Asia/Jerusalem', '2027-03-26', '02:30')).toBe('2027-03-26T00:30:00.000Z');
    expect(toLocal('Asia/Jerusalem', new Date('2027-03-26T00:30:00.000Z'))).toEqual({
      date: '2027-03-26',
      time: '03:30',
    });
  });

  it('fall back (Sun 31 October, 02:00 -> 01:00): 01:30 happens twice and is the first, on IDT', () => {
    expect(at('Asia/Jerusalem', '2027-10-31', '01:30')).toBe('2027-10-30T22:30:00.000Z');
    expect(offsetMinutesAt('Asia/Jerusalem', new Date('2027-10-30T22:30:00.000Z'))).toBe(180);
    expect(at('Asia/Jerusalem', '2027-10-31', '02:30')).toBe('2027-10-31T00:30:00.000Z');
  });
});

describe('calendar helpers', () => {
  it('numbers weekdays Monday 1 to Sunday 7', () => {
    expect(isoWeekday('2027-03-28')).toBe(7);
    expect(isoWeekday('2027-03-29')).toBe(1);
  });
});
