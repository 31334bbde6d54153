import { describe, expect, it } from 'vitest';
import { EMPTY_COMPOSER, instantOf, placeProblems, postBodyOf, problemsOf, textFor } from './compose-request';

const A = '0b9c1c2e-5d0e-4a4e-9f3b-5b7b2b8f0a01';
const B = '0b9c1c2e-5d0e-4a4e-9f3b-5b7b2b8f0a02';

describe("the composer's request", () => {
  it('sends one target per chosen channel, its own text only where it has a variant', () => {
    const values = {
      ...EMPTY_COMPOSER,
      text: 'Master',
      channelIds: [A, B],
      variants: { [B]: 'Short for B' },
      media: [{ mediaId: A, altText: '' }],
      firstComment: '  ',
      thread: ['Second part', ''],
      tags: 'launch, winter ,',
    };
    expect(postBodyOf(values)).toEqual({
      text: 'Master',
      media: [{ mediaId: A, altText: null }],
      firstComment: null,
      thread: [{ text: 'Second part', media: [] }],
      targets: [
        { channelId: A, text: null },
        { channelId: B, text: 'Short for B' },
      ],
      tags: ['launch', 'winter'],
      campaignId: null,
    });
    expect(textFor(values, A)).toBe('Master');
    expect(textFor(values, B)).toBe('Short for B');
  });

  it('reads the local date-time as the viewer planned it', () => {
    expect(instantOf('')).toBeNull();
    expect(instantOf('2026-12-01T09:30')).toBe(new Date(2026, 11, 1, 9, 30).toISOString());
  });

  it('places each problem under the channel or field it names, keeps every one, and the rest on top', () => {
    const body = {
      problems: [
        { field: 'targets.1.text', problem: 'X: text is 290 long (limit 280)' },
        { field: 'targets.1.text', problem: 'X: avoid "cheap"' },
        { field: 'publishAt', problem: 'must be in the future' },
        { field: 'thread.0.text', problem: 'too long' },
        { field: 'settings', problem: 'unknown' },
      ],
    };
    const placed = placeProblems(problemsOf(body), [A, B]);
    expect(placed.byChannel).toEqual({ [B]: ['X: text is 290 long (limit 280)', 'X: avoid "cheap"'] });
    expect(placed.byField).toEqual({ publishAt: ['must be in the future'], 'thread.0': ['too long'] });
    expect(placed.general).toEqual(['unknown']);
    expect(problemsOf({ message: 'nope' })).toEqual([]);
  });
});
