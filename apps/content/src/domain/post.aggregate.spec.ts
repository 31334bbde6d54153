import { describe, expect, it } from 'vitest';
import { ContentConflictError } from './content.errors.js';
import { PostScheduledEvent } from './events/post-scheduled.event.js';
import { Post, type PostContent } from './post.aggregate.js';
import type { RenderedTarget } from './rendered-target.value-object.js';

const content: PostContent = {
  master: { text: 'Fresh beans', media: [], firstComment: null, thread: [] },
  targets: [
    {
      targetId: 't1',
      channelId: 'c1',
      text: null,
      media: null,
      firstComment: null,
      thread: null,
      settings: {},
    },
  ],
  contentType: 'text',
  tags: ['launch'],
  campaignId: null,
  pillarKey: 'brewing-tips',
  goalIds: ['g1'],
};
const now = new Date('2030-01-01T10:00:00Z');
const draft = () =>
  Post.createDraft({ id: 'p1', tenantId: 'a', workspaceId: 'w', createdBy: 'u1' }, content, now);
const rendered: RenderedTarget = {
  targetId: 't1',
  channelId: 'c1',
  network: 'bluesky',
  contentType: 'text',
  text: 'Fresh beans',
  firstComment: null,
  thread: [],
  media: [],
  settings: {},
  utm: null,
};

describe('Post', () => {
  it('starts as a draft at revision 1, unscheduled', () => {
    expect(draft().snapshot()).toMatchObject({ status: 'draft', revision: 1, schedule: null });
  });

  it('refuses an edit based on another revision, changing nothing', () => {
    const post = draft();
    expect(() => post.edit(content, 7, 'u2', now)).toThrow(ContentConflictError);
    expect(post.snapshot().revision).toBe(1);
    post.edit({ ...content, tags: [] }, 1, 'u2', now);
    expect(post.snapshot()).toMatchObject({ revision: 2, tags: [], updatedBy: 'u2' });
  });

  it('schedules with one PostScheduled per call, carrying the rendered targets; rescheduling moves it', () => {
    const post = draft();
    const at = { publishAt: new Date('2030-02-01T09:00:00Z'), timeZone: 'Europe/Rome' };
    post.schedule(at, [rendered], 'u1', now);
    expect(post.snapshot()).toMatchObject({ status: 'scheduled', revision: 2, schedule: at });
    const later = { publishAt: new Date('2030-02-02T09:00:00Z'), timeZone: 'Europe/Rome' };
    post.schedule(later, [rendered], 'u1', now);
    const events = post.pendingEvents() as PostScheduledEvent[];
    expect(events).toHaveLength(2);
    expect(events[1]!.post.schedule).toEqual(later);
    expect(events[1]!.post.revision).toBe(3);
  });

  it('will not schedule without targets', () => {
    expect(() => draft().schedule({ publishAt: now, timeZone: 'UTC' }, [], 'u1', now)).toThrow(
      'at least one channel',
    );
  });

  it('duplicates as a new draft with new target ids', () => {
    const post = draft();
    post.schedule({ publishAt: now, timeZone: 'UTC' }, [rendered], 'u1', now);
    const copy = post.duplicate({ id: 'p2', targetIds: ['t9'] }, 'u3', now).snapshot();
    expect(copy).toMatchObject({ id: 'p2', status: 'draft', schedule: null, revision: 1, createdBy: 'u3' });
    expect(copy.targets.map((t) => t.targetId)).toEqual(['t9']);
    expect(copy.master).toEqual(content.master);
  });
});
