import { describe, expect, it } from 'vitest';
import { NO_FILTERS, droppedAt, hourOf, passes, tagsOf } from './calendar-filters';

const post = (over: Partial<Parameters<typeof passes>[0]> = {}) => ({
  status: 'scheduled',
  tags: ['launch'],
  campaignId: 'c-1',
  targets: [{ channelId: 'ch-1' }, { channelId: 'ch-2' }],
  ...over,
});

describe('calendar filters', () => {
  it('lets everything through with no filter, and needs every filter set to match', () => {
    expect(passes(post(), NO_FILTERS)).toBe(true);
    expect(passes(post(), { ...NO_FILTERS, channelId: 'ch-2', tag: 'launch' })).toBe(true);
    expect(passes(post(), { ...NO_FILTERS, channelId: 'ch-3' })).toBe(false);
    expect(passes(post(), { ...NO_FILTERS, campaignId: 'c-2' })).toBe(false);
    expect(passes(post({ campaignId: null }), { ...NO_FILTERS, campaignId: 'c-1' })).toBe(false);
    expect(passes(post(), { ...NO_FILTERS, tag: 'winter' })).toBe(false);
    expect(passes(post(), { ...NO_FILTERS, status: 'draft' })).toBe(false);
  });

  it('offers each tag of the posts shown once, sorted', () => {
    expect(tagsOf([post({ tags: ['b', 'a'] }), post({ tags: ['a', 'c'] })])).toEqual(['a', 'b', 'c']);
  });

  it('moves a dropped post to the hour of the day it was dropped on, keeping its minutes', () => {
    expect(hourOf('09:45')).toBe(9);
    expect(droppedAt('2026-12-03', 14, '09:45')).toBe('2026-12-03T14:45');
    expect(droppedAt('2026-12-03', 7, '23:05')).toBe('2026-12-03T07:05');
  });
});
