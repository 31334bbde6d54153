import { describe, expect, it } from 'vitest';
import type { PostContent } from '../post.aggregate.js';
import { diffContent, diffLines } from './content-diff.value-object.js';

const content = (text: string, targetText: string | null): PostContent => ({
  master: { text, media: [], firstComment: null, thread: [] },
  targets: [
    {
      targetId: 't1',
      channelId: 'c1',
      text: targetText,
      media: null,
      firstComment: null,
      thread: null,
      settings: {},
    },
  ],
  contentType: 'text',
  tags: ['a'],
  campaignId: null,
  pillarKey: null,
  goalIds: [],
});

describe('the diff between two versions', () => {
  it('diffs lines: kept, removed and added in reading order', () => {
    expect(diffLines('one\ntwo\nthree', 'one\n2\nthree\nfour')).toEqual([
      { op: 'same', text: 'one' },
      { op: 'added', text: '2' },
      { op: 'removed', text: 'two' },
      { op: 'same', text: 'three' },
      { op: 'added', text: 'four' },
    ]);
  });

  it('names each changed field, a variant by its channel, and leaves unchanged ones out', () => {
    const changes = diffContent(content('Hello', null), { ...content('Hello', 'Ciao'), tags: ['a', 'b'] });
    expect(changes.map((c) => [c.field, c.before, c.after])).toEqual([
      ['targets.c1.text', null, 'Ciao'],
      ['tags', 'a', 'a\nb'],
    ]);
  });
});
