import { describe, expect, it } from 'vitest';
import { ContentConflictError } from '../content.errors.js';
import type { PostContentInput } from '../post.aggregate.js';
import { PostSeries } from './post-series.aggregate.js';
import { parseRecurrenceRule, type RecurrenceRule } from './recurrence-rule.value-object.js';

const template: PostContentInput = {
  master: { text: 'Tips', media: [], firstComment: null, thread: [] },
  targets: [{ channelId: 'c', text: null, media: null, firstComment: null, thread: null, settings: {} }],
  contentType: 'text',
  tags: [],
  campaignId: null,
  pillarKey: null,
  goalIds: [],
};
const rule = (text: string): RecurrenceRule => {
  const parsed = parseRecurrenceRule(text);
  if (!parsed.ok) {
    throw new Error(text);
  }
  return parsed.rule;
};
const weekly = () =>
  PostSeries.create(
    { id: 's', tenantId: 't', workspaceId: 'w', by: 'u' },
    {
      template,
      rule: rule('FREQ=WEEKLY;BYDAY=MO'),
      start: { date: '2027-01-04', time: '09:00', timeZone: 'UTC' },
    },
    new Date('2027-01-01T00:00:00Z'),
  );

describe('a post series', () => {
  it('makes the occurrences of a rolling horizon: a week later, one more comes within reach', () => {
    const series = weekly();
    const horizon = { days: 14, maxAhead: 30 };
    const at = (now: string) =>
      series.dueOccurrences(new Date(now), horizon).map((o) => o.at.toISOString().slice(0, 10));
    expect(at('2027-01-01T00:00:00Z')).toEqual(['2027-01-04', '2027-01-11']);
    expect(at('2027-01-08T00:00:00Z')).toEqual(['2027-01-11', '2027-01-18']);
    // An occurrence less than a minute away is not made any more.
    expect(at('2027-01-11T08:59:30Z')).toEqual(['2027-01-18']);
    expect(series.dueOccurrences(new Date('2027-01-01T00:00:00Z'), { days: 400, maxAhead: 3 })).toHaveLength(
      3,
    );
  });

  it('edits and ends by revision; an ended series makes nothing and refuses changes', () => {
    const series = weekly();
    const now = new Date('2027-01-02T00:00:00Z');
    expect(() => series.end(2, 'u', now)).toThrow(ContentConflictError);
    series.edit({ ...series.snapshot(), rule: rule('FREQ=DAILY') }, 1, 'u2', now);
    expect(series.snapshot()).toMatchObject({ revision: 2, updatedBy: 'u2' });
    expect(series.ruleText).toBe('FREQ=DAILY');
    series.end(2, 'u', now);
    expect(series.snapshot()).toMatchObject({ status: 'ended', revision: 3, endedAt: now });
    expect(series.dueOccurrences(now)).toEqual([]);
    expect(() => series.edit(series.snapshot(), 3, 'u', now)).toThrow('has ended');
  });
});
