import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnvelope, crisisDetectedV1, crisisResolvedV1, uuidv7 } from '@chorus/contracts';
import { PublishingTestBed } from './support/publishing-test-bed.js';

// The crisis pause: per workspace, by a person or on CrisisDetected; due posts are held, then published or
// moved by the pause's length when publishing resumes.

interface Pause {
  paused: boolean;
  reason: string | null;
  held: number;
  crisisId: string | null;
}

describe('pausing publishing (PostgreSQL, Mastodon fake)', { timeout: 30_000 }, () => {
  let bed: PublishingTestBed;
  const caller = PublishingTestBed.newCaller();
  const channel = uuidv7();
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const pauseState = async () => (await bed.call<Pause>(caller, 'GET', '/publishing/pause')).body;

  beforeAll(async () => {
    bed = await PublishingTestBed.start();
    await bed.startInstance();
    await bed.connectChannel(caller, channel, 'paused');
  }, 60_000);

  afterAll(async () => {
    await bed?.stop();
  });

  it('refuses a pause without a reason (400 naming it) and from a role that may not pause (403)', async () => {
    const bad = await bed.call<{ problems: { field: string }[] }>(caller, 'PUT', '/publishing/pause', {
      reason: ' ',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.problems.map((p) => p.field)).toEqual(['reason']);
    const designer = { ...caller, roles: ['designer' as const] };
    const refused = await bed.call(designer, 'PUT', '/publishing/pause', { reason: 'no' });
    expect(refused.status).toBe(403);
    expect((await pauseState()).paused).toBe(false);
  });

  it('holds posts due during a pause, shows them held, and publishes them once on resume', async () => {
    const paused = await bed.call<Pause>(caller, 'PUT', '/publishing/pause', { reason: 'Product recall' });
    expect(paused).toMatchObject({ status: 200, body: { paused: true, reason: 'Product recall' } });
    const text = `Held by a pause ${uuidv7()}`;
    const { postId } = await bed.schedule(caller, [channel], text, new Date(Date.now() + 2_000));
    const [held] = await bed.untilState(caller, postId, ['held']);
    expect(held).toMatchObject({ state: 'held', waitingReason: 'paused' });
    await sleep(800);
    expect(bed.statusesSaying(text)).toBe(0);
    expect((await pauseState()).held).toBe(1);

    const resumed = await bed.call(caller, 'POST', '/publishing/resume', {});
    expect(resumed).toMatchObject({ status: 200, body: { resumed: true, held: 1 } });
    const [done] = await bed.untilState(caller, postId, ['published', 'failed', 'needs-review']);
    expect(done!.state).toBe('published');
    expect(bed.statusesSaying(text)).toBe(1);
  });

  it('on resume with reschedule, moves each held post by the length of the pause', async () => {
    await bed.call(caller, 'PUT', '/publishing/pause', { reason: 'Wait and see', onResume: 'reschedule' });
    const dueAt = new Date(Date.now() + 2_000);
    const text = `Rescheduled by a pause ${uuidv7()}`;
    const { postId } = await bed.schedule(caller, [channel], text, dueAt);
    await bed.untilState(caller, postId, ['held']);
    await sleep(1_500);
    const resumed = await bed.call(caller, 'POST', '/publishing/resume', {});
    expect(resumed.body).toMatchObject({ resumed: true, held: 1 });
    const [moved] = await bed
      .call<{ targets: { state: string; dueAt: string; reason: { code: string } }[] }>(
        caller,
        'GET',
        `/posts/${postId}/publication`,
      )
      .then((r) => r.body.targets);
    expect(moved).toMatchObject({ state: 'scheduled', reason: { code: 'rescheduled-after-pause' } });
    expect(Date.parse(moved!.dueAt) - dueAt.getTime()).toBeGreaterThan(1_500);
    const [done] = await bed.untilState(caller, postId, ['published', 'failed', 'needs-review']);
    expect(done!.state).toBe('published');
    expect(bed.statusesSaying(text)).toBe(1);
  });

  it('pauses on CrisisDetected, and resumes on its CrisisResolved, not on another crisis', async () => {
    const crisisId = uuidv7();
    const meta = { tenantId: caller.tenantId, workspaceId: caller.workspaceId, correlationId: uuidv7() };
    await bed.publish(caller.tenantId, [
      createEnvelope(crisisDetectedV1, meta, {
        crisisId,
        severity: 'high',
        signal: { negativeInteractions: 120, windowMinutes: 30, usualNegativeInteractions: 4 },
        channelIds: [],
        pausePublishing: true,
        declaredById: null,
      }),
    ]);
    const paused = await bed.until(pauseState, (p) => p.paused);
    expect(paused).toMatchObject({ paused: true, crisisId });
    expect(paused.reason).toMatch(/high crisis was detected/u);
    const text = `During a crisis ${uuidv7()}`;
    const { postId } = await bed.schedule(caller, [channel], text, new Date(Date.now() + 2_000));
    await bed.untilState(caller, postId, ['held']);

    const resolved = (id: string) =>
      createEnvelope(crisisResolvedV1, meta, {
        crisisId: id,
        resolution: 'resolved',
        resumePublishing: true,
        resolvedById: null,
      });
    await bed.publish(caller.tenantId, [resolved(uuidv7())]);
    await sleep(700);
    expect((await pauseState()).paused).toBe(true);
    expect(bed.statusesSaying(text)).toBe(0);
    await bed.publish(caller.tenantId, [resolved(crisisId)]);
    await bed.until(pauseState, (p) => !p.paused);
    const [done] = await bed.untilState(caller, postId, ['published', 'failed', 'needs-review']);
    expect(done!.state).toBe('published');
    expect(bed.statusesSaying(text)).toBe(1);
  });
  it('a crisis ends only its own pause; a CrisisDetected after its CrisisResolved pauses nothing', async () => {
    const meta = { tenantId: caller.tenantId, workspaceId: caller.workspaceId, correlationId: uuidv7() };
    const detected = (crisisId: string) =>
      createEnvelope(crisisDetectedV1, meta, {
        crisisId,
        severity: 'high',
        signal: { negativeInteractions: 120, windowMinutes: 30, usualNegativeInteractions: 4 },
        channelIds: [],
        pausePublishing: true,
        declaredById: null,
      });
    const resolved = (crisisId: string) =>
      createEnvelope(crisisResolvedV1, meta, {
        crisisId,
        resolution: 'resolved',
        resumePublishing: true,
        resolvedById: null,
      });
    const crisis = uuidv7();
    await bed.publish(caller.tenantId, [detected(crisis)]);
    await bed.until(pauseState, (p) => p.paused && p.crisisId === crisis);
    // A person pauses too: their pause is their own, not merged into the crisis's.
    const byPerson = await bed.call<Pause>(caller, 'PUT', '/publishing/pause', { reason: 'Person hold' });
    expect(byPerson.body).toMatchObject({ paused: true, reason: 'Person hold', crisisId: null });
    await bed.publish(caller.tenantId, [resolved(crisis)]);
    await sleep(1_000);
    expect(await pauseState()).toMatchObject({ paused: true, reason: 'Person hold', crisisId: null });
    expect(await bed.call(caller, 'POST', '/publishing/resume', {})).toMatchObject({
      status: 200,
      body: { resumed: true },
    });
    expect((await pauseState()).paused).toBe(false);

    // Delivered out of order: the resolution first, then the detection of the same crisis.
    const late = uuidv7();
    await bed.publish(caller.tenantId, [resolved(late)]);
    await sleep(500);
    await bed.publish(caller.tenantId, [detected(late)]);
    // A later crisis shows the consumer got past the late detection.
    const next = uuidv7();
    await bed.publish(caller.tenantId, [detected(next)]);
    await bed.until(pauseState, (p) => p.paused && p.crisisId === next);
    await bed.publish(caller.tenantId, [resolved(next)]);
    await bed.until(pauseState, (p) => !p.paused);
    await sleep(500);
    expect((await pauseState()).paused).toBe(false);
  });

  it("on a crisis's end, reschedules the posts it held when the workspace chose so", async () => {
    const bad = await bed.call<{ problems: { field: string }[] }>(caller, 'PUT', '/publishing/settings', {
      crisisOnResume: 'later',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.problems.map((p) => p.field)).toEqual(['crisisOnResume']);
    const designer = { ...caller, roles: ['designer' as const] };
    expect(
      (await bed.call(designer, 'PUT', '/publishing/settings', { crisisOnResume: 'publish' })).status,
    ).toBe(403);
    expect((await bed.call(caller, 'GET', '/publishing/settings')).body).toEqual({
      crisisOnResume: 'publish',
    });
    const saved = await bed.call(caller, 'PUT', '/publishing/settings', { crisisOnResume: 'reschedule' });
    expect(saved).toMatchObject({ status: 200, body: { crisisOnResume: 'reschedule' } });

    const crisisId = uuidv7();
    const meta = { tenantId: caller.tenantId, workspaceId: caller.workspaceId, correlationId: uuidv7() };
    await bed.publish(caller.tenantId, [
      createEnvelope(crisisDetectedV1, meta, {
        crisisId,
        severity: 'critical',
        signal: { negativeInteractions: 300, windowMinutes: 30, usualNegativeInteractions: 4 },
        channelIds: [],
        pausePublishing: true,
        declaredById: null,
      }),
    ]);
    await bed.until(pauseState, (p) => p.paused && p.crisisId === crisisId);
    const dueAt = new Date(Date.now() + 2_000);
    const { postId } = await bed.schedule(caller, [channel], `Held by a crisis ${uuidv7()}`, dueAt);
    await bed.untilState(caller, postId, ['held']);
    await sleep(1_000);
    await bed.publish(caller.tenantId, [
      createEnvelope(crisisResolvedV1, meta, {
        crisisId,
        resolution: 'resolved',
        resumePublishing: true,
        resolvedById: null,
      }),
    ]);
    await bed.until(pauseState, (p) => !p.paused);
    const [moved] = (
      await bed.call<{ targets: { state: string; dueAt: string; reason: { code: string } }[] }>(
        caller,
        'GET',
        `/posts/${postId}/publication`,
      )
    ).body.targets;
    expect(moved).toMatchObject({ state: 'scheduled', reason: { code: 'rescheduled-after-pause' } });
    expect(Date.parse(moved!.dueAt)).toBeGreaterThan(dueAt.getTime());
    await bed.call(caller, 'PUT', '/publishing/settings', { crisisOnResume: 'publish' });
  });
});
