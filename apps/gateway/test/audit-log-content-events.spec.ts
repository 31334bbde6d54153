import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEnvelope,
  postApprovedV1,
  postFailedV1,
  postNeedsReviewV1,
  postPublishedV1,
  postScheduledV2,
  uuidv7,
  type EventEnvelope,
} from '@chorus/contracts';
import { HttpClient } from './support/http-client.js';
import { startGatewayOnKafka, type GatewayOnKafka } from './support/gateway-on-kafka.js';
import { signUpAndSignIn } from './support/sign-up.js';

// Approvals and publishing in the audit log, through the real bus: the content service's events go through its
// outbox and the real Kafka broker to the gateway, which records who did what to which post, once per event
// however often Kafka delivers it.

const PASSWORD = 'correct horse battery';

interface Entry {
  action: string;
  actorId: string | null;
  objectType: string;
  objectId: string;
  workspaceId: string | null;
  source: string;
  occurredAt: string;
  details: Record<string, unknown>;
}

describe('audit log of approvals and publishing (PostgreSQL, Kafka)', () => {
  let g: GatewayOnKafka;
  let api: HttpClient;
  let admin: { token: string; userId: string; agencyId: string; workspaceId: string };

  const meta = () => ({ tenantId: admin.agencyId, workspaceId: admin.workspaceId, correlationId: uuidv7() });
  const target = (postId: string) => ({
    postId,
    targetId: uuidv7(),
    channelId: uuidv7(),
    network: 'bluesky',
  });

  const entriesOf = async (postId: string): Promise<Entry[]> => {
    const answer = await api.call('GET', `/api/audit-log?objectId=${postId}`, { token: admin.token });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body.items as unknown as Entry[];
  };

  /** Waits until the post has `count` entries (or `timeoutMs`), then a little longer, so that a duplicate shows. */
  const settled = async (postId: string, count: number, timeoutMs = 30_000): Promise<Entry[]> => {
    const deadline = Date.now() + timeoutMs;
    while ((await entriesOf(postId)).length < count && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    return entriesOf(postId);
  };

  /**
   * Emits the events, waits for their entries, then emits the same events (same ids) again, as a producer that
   * retries after a lost acknowledgement does, and returns the entries once that redelivery had time to land.
   */
  const emittedTwice = async (postId: string, events: EventEnvelope[], count: number): Promise<Entry[]> => {
    for (const event of events) {
      await g.emit(event);
    }
    expect(await settled(postId, count)).toHaveLength(count);
    for (const event of events) {
      await g.emit(event);
    }
    return settled(postId, count + 1, 3_000);
  };

  beforeAll(async () => {
    g = await startGatewayOnKafka({ allowLoopbackHttpWebhooks: true });
    api = new HttpClient(g.url);
    const signUp = await signUpAndSignIn(api, {
      body: {
        agencyName: 'Agency',
        workspaceName: 'Brand',
        name: 'Ada',
        email: `admin-${Date.now()}@example.test`,
        password: PASSWORD,
      },
    });
    admin = signUp.body as unknown as typeof admin;
  }, 120_000);

  afterAll(async () => {
    await g?.close();
  }, 60_000);

  it('records scheduling, each approval step by its approver, and the publication with its URL, once each', async () => {
    const postId = uuidv7();
    const ref = target(postId);
    const scheduled = createEnvelope(postScheduledV2, meta(), {
      ...ref,
      revision: 2,
      scheduledFor: '2026-12-01T09:00:00.000Z',
      timeZone: 'Europe/Rome',
      contentType: 'text',
      text: 'Hello',
      firstComment: null,
      thread: [],
      media: [],
      settings: {},
      utm: null,
      goalIds: [],
      campaignId: null,
      pillarKey: null,
      tags: [],
      scheduledById: admin.userId,
    });
    const approverId = uuidv7();
    const approvals = [1, 2].map((step) =>
      createEnvelope(postApprovedV1, meta(), {
        postId,
        step,
        totalSteps: 2,
        approvedById: step === 1 ? admin.userId : approverId,
        approverRole: step === 1 ? 'content-manager' : 'client-approver',
      }),
    );
    const published = createEnvelope(postPublishedV1, meta(), {
      ...ref,
      remoteId: 'at://did:plc:brand/app.bsky.feed.post/3k',
      url: 'https://bsky.app/profile/brand.example/post/3k',
      publishedAt: '2026-12-01T09:00:02.000Z',
      utm: null,
      goalIds: [],
      contentType: 'text',
      campaignId: null,
      pillarId: null,
    });
    const entries = await emittedTwice(postId, [scheduled, ...approvals, published], 4);
    expect(entries.map((e) => e.action).sort()).toEqual([
      'post.approved',
      'post.approved',
      'post.published',
      'post.scheduled',
    ]);
    const byAction = (action: string) => entries.filter((e) => e.action === action);
    expect(byAction('post.scheduled')[0]).toMatchObject({
      actorId: admin.userId,
      objectType: 'post',
      workspaceId: admin.workspaceId,
      source: 'content',
      occurredAt: scheduled.occurredAt,
      details: {
        targetId: ref.targetId,
        channelId: ref.channelId,
        network: 'bluesky',
        scheduledFor: '2026-12-01T09:00:00.000Z',
        timeZone: 'Europe/Rome',
        revision: 2,
      },
    });
    expect(
      byAction('post.approved')
        .map((e) => [e.actorId, e.details])
        .sort((x, y) => Number((x[1] as { step: number }).step) - Number((y[1] as { step: number }).step)),
    ).toEqual([
      [admin.userId, { step: 1, totalSteps: 2, approverRole: 'content-manager', fullyApproved: false }],
      [approverId, { step: 2, totalSteps: 2, approverRole: 'client-approver', fullyApproved: true }],
    ]);
    expect(byAction('post.published')[0]).toMatchObject({
      actorId: null,
      source: 'content',
      details: {
        targetId: ref.targetId,
        channelId: ref.channelId,
        network: 'bluesky',
        remoteId: 'at://did:plc:brand/app.bsky.feed.post/3k',
        url: 'https://bsky.app/profile/brand.example/post/3k',
        publishedAt: '2026-12-01T09:00:02.000Z',
      },
    });
    const onlyPublications = await api.call('GET', '/api/audit-log?action=post.published', {
      token: admin.token,
    });
    expect((onlyPublications.body.items as unknown as Entry[]).map((e) => e.objectId)).toContain(postId);
  }, 60_000);

  it('records failures and posts held for review with their reasons, once each', async () => {
    const postId = uuidv7();
    const failedRef = target(postId);
    const failed = createEnvelope(postFailedV1, meta(), {
      ...failedRef,
      attemptId: uuidv7(),
      attempts: 3,
      reason: {
        code: 'reauth-required',
        message: 'Bluesky no longer accepts the app password of @brand.',
        action: 'Reconnect the channel, then publish again.',
      },
    });
    const reviewRef = { ...target(postId), network: 'mastodon' };
    const review = createEnvelope(postNeedsReviewV1, meta(), {
      ...reviewRef,
      attemptId: uuidv7(),
      attemptedAt: '2026-12-01T09:00:00.000Z',
      reason: {
        code: 'outcome-unknown',
        message: 'Mastodon did not answer within 30 seconds.',
        action: 'Look at the account on Mastodon, then tell Chorus whether the post is there.',
      },
    });
    const entries = await emittedTwice(postId, [failed, review], 2);
    expect(entries.map((e) => e.action).sort()).toEqual(['post.held-for-review', 'post.publishing-failed']);
    expect(entries.find((e) => e.action === 'post.publishing-failed')).toMatchObject({
      actorId: null,
      source: 'content',
      details: {
        targetId: failedRef.targetId,
        channelId: failedRef.channelId,
        network: 'bluesky',
        attempts: 3,
        reasonCode: 'reauth-required',
        reason: 'Bluesky no longer accepts the app password of @brand.',
      },
    });
    expect(entries.find((e) => e.action === 'post.held-for-review')).toMatchObject({
      actorId: null,
      details: {
        targetId: reviewRef.targetId,
        network: 'mastodon',
        attemptedAt: '2026-12-01T09:00:00.000Z',
        reasonCode: 'outcome-unknown',
        reason: 'Mastodon did not answer within 30 seconds.',
      },
    });
    // The notification centre consumes PostFailed in the same group: it still notifies, once.
    const mine = await api.call('GET', '/api/notifications', { token: admin.token });
    expect(
      (mine.body.items as unknown as { kind: string; object: { id: string } }[]).filter(
        (n) => n.kind === 'post-failed' && n.object.id === postId,
      ),
    ).toHaveLength(1);
  }, 60_000);
});
