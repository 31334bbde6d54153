import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  uuidv7,
  type EventEnvelope,
  type NotificationRequestedV1,
  type PostApprovedV1,
  type PostScheduledV2,
} from '@chorus/contracts';
import {
  signApprovalLink,
  type ApprovalLinkClaims,
} from '../src/domain/approvals/approval-link-token.value-object.js';
import { ContentTestService, type Caller, type Response } from './support/content-test-service.js';
import { channelConnected, inDays } from './support/content-fixtures.js';

// Approvals over HTTP on the real PostgreSQL and on PGlite: the workflow setting, the gate on scheduling, decisions by role
// ('all' and 'any'), the client approver's signed link, versions with a diff, an edit sending the post back,
// and the PostApproved and NotificationRequested events that leave through the outbox.

interface Refusal {
  message: string;
  reason?: string;
  problems?: { field: string; problem: string }[];
}
interface Approval {
  status: string;
  round: number;
  version: number;
  step: number;
  decisions: { decidedBy: string; decision: string; via: string }[];
}

describe.each(['postgres', 'pglite'] as const)('approvals on %s', (kind) => {
  let s: ContentTestService;
  const writer: Caller = ContentTestService.newCaller(['content-manager']);
  const member = (roles: Caller['roles']): Caller => ({ ...writer, userId: uuidv7(), roles });
  const admin = member(['admin']);
  const strategist1 = member(['strategist']);
  const strategist2 = member(['strategist']);
  const outsider = member(['strategist']);
  const client = member(['client-approver']);
  const designer = member(['designer']);
  const otherAgency = ContentTestService.newCaller(['admin']);
  const sky = uuidv7();

  const notifications = (kind: string, postId: string) =>
    s.delivered
      .filter((e) => e.type === 'NotificationRequested')
      .map((e) => e.payload as NotificationRequestedV1)
      .filter((n) => n.kind === kind && n.object?.id === postId);
  const approvals = (postId: string) =>
    s.delivered
      .filter((e) => e.type === 'PostApproved')
      .map((e) => e.payload as PostApprovedV1)
      .filter((p) => p.postId === postId);
  const eventually = <T>(probe: () => T, ok: (v: T) => boolean) =>
    s.until(() => Promise.resolve(probe()), ok);

  /** A request with no identity at all, as the client approver's browser sends it through the gateway. */
  const anonymous = async <T = Refusal>(method: 'GET' | 'POST', url: string, payload?: object) => {
    const r = await s.service.app
      .getHttpAdapter()
      .getInstance()
      .inject({ method, url, ...(payload === undefined ? {} : { payload }) });
    return { status: r.statusCode, body: JSON.parse(r.body) as T } satisfies Response<T>;
  };

  const newPost = async (text: string): Promise<string> => {
    const created = await s.call<{ id: string }>(writer, 'POST', '/posts', {
      text,
      targets: [{ channelId: sky }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.id;
  };
  const approvalOf = async (postId: string) =>
    (
      await s.call<{ approval: Approval | null; blockingReason: string | null }>(
        writer,
        'GET',
        `/posts/${postId}/approval`,
      )
    ).body;
  const decide = (who: Caller, postId: string, body: Record<string, unknown>) =>
    s.call<Approval & Refusal>(who, 'POST', `/posts/${postId}/approval/decisions`, body);
  const schedule = (postId: string) =>
    s.call<Refusal & { status: string }>(writer, 'POST', `/posts/${postId}/schedule`, {
      publishAt: inDays(3),
      timeZone: 'Europe/Rome',
    });

  beforeAll(async () => {
    s = await ContentTestService.start(kind);
    await s.publish(writer.tenantId, [channelConnected(writer, sky, 'bluesky', '@acme.bsky.social')]);
    await s.until(
      async () => (await s.call<{ items: unknown[] }>(writer, 'GET', '/channels')).body.items.length,
      (n) => n === 1,
    );
  }, 60_000);

  afterAll(async () => {
    await s?.stop();
  });

  it('needs no approval by default: a post is scheduled straight away', async () => {
    expect((await s.call(writer, 'GET', '/approval-workflow')).body).toEqual({ steps: [] });
    const postId = await newPost('No approval needed');
    expect((await approvalOf(postId)).blockingReason).toBeNull();
    const submitted = await s.call<Refusal>(writer, 'POST', `/posts/${postId}/approval`);
    expect(submitted.status).toBe(409);
    expect(submitted.body.message).toContain('no approval workflow');
    expect((await schedule(postId)).status).toBe(200);
  });

  it('lets only an admin set the workflow, and refuses a bad one naming the field', async () => {
    const steps = [{ role: 'strategist', mode: 'any' }];
    const denied = await s.call<Refusal>(writer, 'PUT', '/approval-workflow', { steps });
    expect(denied.status).toBe(403);
    expect(denied.body.message).toContain('workspace:manage');
    for (const [body, field] of [
      [{ steps: [{ role: 'boss', mode: 'any' }] }, 'steps.0.role'],
      [{ steps: [{ role: 'strategist', mode: 'all' }] }, 'steps.0.memberIds'],
      [
        { steps: [{ role: 'strategist', mode: 'any', memberIds: [strategist1.userId] }] },
        'steps.0.memberIds',
      ],
      [{ steps: [{ role: 'strategist', mode: 'sometimes' }] }, 'steps.0.mode'],
    ] as const) {
      const r = await s.call<Refusal>(admin, 'PUT', '/approval-workflow', body);
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(JSON.stringify(r.body)).toContain(field);
    }
    expect((await s.call(writer, 'GET', '/approval-workflow')).body).toEqual({ steps: [] });
    const saved = await s.call(admin, 'PUT', '/approval-workflow', {
      steps: [
        { role: 'strategist', mode: 'all', memberIds: [strategist1.userId, strategist2.userId] },
        { role: 'client-approver', mode: 'any' },
      ],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  });

  let postId: string;

  it('refuses to schedule a post that was not approved, saying what to do', async () => {
    postId = await newPost('Our autumn blend is here');
    const refusedSchedule = await schedule(postId);
    expect(refusedSchedule.status).toBe(409);
    expect(refusedSchedule.body.message).toContain('need approval');
    expect(refusedSchedule.body.message).toContain('POST /posts/{id}/approval');
    expect((await s.call<{ status: string }>(writer, 'GET', `/posts/${postId}`)).body.status).toBe('draft');
  });

  it('submits a post and notifies the members of the first step', async () => {
    const submitted = await s.call<Approval>(writer, 'POST', `/posts/${postId}/approval`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'pending', round: 1, version: 1, step: 1 });
    const [asked] = await eventually(
      () => notifications('post-awaiting-approval', postId),
      (n) => n.length === 1,
    );
    expect(asked!.recipients).toEqual({
      rule: 'members',
      memberIds: [strategist1.userId, strategist2.userId],
    });
    expect(asked!.link).toBe(`/content/posts/${postId}`);
    const again = await s.call<Refusal>(writer, 'POST', `/posts/${postId}/approval`);
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('already awaits approval');
    expect((await schedule(postId)).body.message).toContain('awaits approval of version 1: step 1 of 2');
  });

  it('refuses a decision by someone without the role or the permission, on another version or step', async () => {
    const approve = { decision: 'approved', step: 1, version: 1 };
    const noPermission = await decide(designer, postId, approve);
    expect(noPermission.status).toBe(403);
    expect(noPermission.body.message).toContain('post:approve');
    const wrongRole = await decide(client, postId, approve);
    expect(wrongRole.status).toBe(403);
    expect(wrongRole.body.message).toContain("needs the role 'strategist'");
    expect(wrongRole.body.message).toContain('client-approver');
    const notNamed = await decide(outsider, postId, approve);
    expect(notNamed.status).toBe(403);
    expect(notNamed.body.message).toContain('members it names');
    const stale = await decide(strategist1, postId, { ...approve, version: 2 });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toContain('at version 1 now');
    const wrongStep = await decide(strategist1, postId, { ...approve, step: 2 });
    expect(wrongStep.status).toBe(409);
    const noReason = await decide(strategist1, postId, { ...approve, decision: 'rejected' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.problems?.[0]?.field).toBe('comment');
    const elsewhere = await decide({ ...otherAgency, roles: ['strategist'] }, postId, approve);
    expect(elsewhere.status).toBe(404);
    const view = await approvalOf(postId);
    expect(view.approval).toMatchObject({ status: 'pending', step: 1, decisions: [] });
    expect(approvals(postId)).toEqual([]);
  });

  it("waits for every member of an 'all' step, then emits PostApproved and asks the next step", async () => {
    const first = await decide(strategist1, postId, {
      decision: 'approved',
      step: 1,
      version: 1,
      comment: 'Good',
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ status: 'pending', step: 1 });
    expect((await decide(strategist1, postId, { decision: 'approved', step: 1, version: 1 })).status).toBe(
      409,
    );
    const second = await decide(strategist2, postId, { decision: 'approved', step: 1, version: 1 });
    expect(second.body).toMatchObject({ status: 'pending', step: 2 });
    const [granted] = await eventually(
      () => approvals(postId),
      (a) => a.length === 1,
    );
    expect(granted).toEqual({
      postId,
      step: 1,
      totalSteps: 2,
      approvedById: strategist2.userId,
      approverRole: 'strategist',
    });
    const asked = await eventually(
      () => notifications('post-awaiting-approval', postId),
      (n) => n.length === 2,
    );
    expect(asked[1]!.recipients).toEqual({ rule: 'roles', roles: ['client-approver'] });
  });

  let token: string;
  let linkId: string;

  const MARIA = { email: 'maria@acme.example', name: 'Maria, Acme marketing' };

  /** The link as the gateway mails it: the only place the token goes (NotificationRequested to the address). */
  const mailedLinks = (postId: string) =>
    notifications('approval-link', postId).map((n) => {
      expect(n.recipients).toEqual({ rule: 'addresses', addresses: [MARIA] });
      return /[?&]token=([\w.-]+)$/.exec(n.link ?? '')![1]!;
    });

  it('mails the client approver a signed link, never shows it to the writer, and shows the post read-only', async () => {
    const noContact = await s.call<Refusal>(writer, 'POST', `/posts/${postId}/approval/links`, {
      contactEmail: MARIA.email,
    });
    expect(noContact.status).toBe(400);
    expect(noContact.body.problems?.[0]).toMatchObject({ field: 'contactEmail' });
    // Only an admin names the addresses: a writer adding their own would hold the client's decision.
    const writerContacts = await s.call<Refusal>(writer, 'PUT', '/approval-contacts', {
      items: [{ email: 'writer@agency.example', name: 'Me' }],
    });
    expect(writerContacts.status).toBe(403);
    for (const [items, field] of [
      [[{ email: 'not-an-address', name: 'Maria' }], 'items.0.email'],
      [[MARIA, { email: 'MARIA@acme.example', name: 'Maria again' }], 'items.1.email'],
    ] as const) {
      const r = await s.call<Refusal>(admin, 'PUT', '/approval-contacts', { items });
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(JSON.stringify(r.body)).toContain(field);
    }
    const contacts = await s.call(admin, 'PUT', '/approval-contacts', { items: [MARIA] });
    expect(contacts.status, JSON.stringify(contacts.body)).toBe(200);
    expect((await s.call(writer, 'GET', '/approval-contacts')).body).toEqual({ items: [MARIA] });

    const designerLink = await s.call<Refusal>(designer, 'POST', `/posts/${postId}/approval/links`, {
      contactEmail: MARIA.email,
    });
    expect(designerLink.status).toBe(403);
    const badLink = await s.call<Refusal>(writer, 'POST', `/posts/${postId}/approval/links`, {
      contactEmail: MARIA.email,
      expiresInHours: 10_000,
    });
    expect(badLink.status).toBe(400);
    expect(badLink.body.message).toContain('expiresInHours');
    const ownAddress = await s.call<Refusal>(writer, 'POST', `/posts/${postId}/approval/links`, {
      contactEmail: 'writer@agency.example',
    });
    expect(ownAddress.status).toBe(400);
    expect(ownAddress.body.problems?.[0]).toMatchObject({ field: 'contactEmail' });
    const created = await s.call<Record<string, unknown>>(writer, 'POST', `/posts/${postId}/approval/links`, {
      contactEmail: 'Maria@Acme.example',
      expiresInHours: 48,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(Object.keys(created.body).sort()).toEqual(['expiresAt', 'linkId', 'sentTo', 'step', 'version']);
    expect(created.body).toMatchObject({ sentTo: MARIA.email, step: 2 });
    const [mailed] = await eventually(
      () => mailedLinks(postId),
      (l) => l.length === 1,
    );
    token = mailed!;
    linkId = created.body.linkId as string;
    // No answer the writer can read carries the token.
    for (const url of [`/posts/${postId}/approval`, `/posts/${postId}`, `/posts/${postId}/versions`]) {
      const answer = await s.call(writer, 'GET', url);
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.body)).not.toContain(token.split('.')[2]!);
    }
    expect(JSON.stringify(created.body)).not.toContain(token.split('.')[2]!);
    const view = await anonymous<{
      postId: string;
      step: number;
      content: { text: string; targets: unknown[] };
    }>('GET', `/approval-link?token=${token}`);
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    expect(view.body).toMatchObject({ postId, step: 2, content: { text: 'Our autumn blend is here' } });
    expect(view.body.content.targets).toHaveLength(1);
  });

  it('refuses a forged, an altered and an expired link, changing nothing', async () => {
    const [v, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const altered = `${v}.${Buffer.from(JSON.stringify({ ...claims, step: 1 })).toString('base64url')}.${signature}`;
    for (const bad of [altered, `${v}.${payload}.${'A'.repeat(43)}`, 'not-a-token-at-all']) {
      const r = await anonymous('POST', '/approval-link/decision', { token: bad, decision: 'approved' });
      expect(r.status, bad).toBe(403);
      expect(r.body.message).toContain('not valid');
    }
    const secret = await s.service.serviceDb.asSystem((tx) =>
      tx.query<{ secret: string }>(`SELECT secret FROM content.approval_link_key WHERE tenant_id = $1`, [
        writer.tenantId,
      ]),
    );
    const expired = signApprovalLink(
      { ...(claims as unknown as ApprovalLinkClaims), expiresAt: Math.floor(Date.now() / 1000) - 60 },
      Buffer.from(secret[0]!.secret, 'base64'),
    );
    const late = await anonymous('POST', '/approval-link/decision', { token: expired, decision: 'approved' });
    expect(late.status).toBe(410);
    expect(late.body).toMatchObject({ reason: 'expired' });
    expect(late.body.message).toContain('expired on');
    expect((await approvalOf(postId)).approval).toMatchObject({ status: 'pending', step: 2 });
  });

  it('takes one decision through the link, refuses a replay, and tells the author', async () => {
    const decided = await anonymous<{ status: string }>('POST', '/approval-link/decision', {
      token: token,
      decision: 'approved',
      comment: 'Lovely',
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body.status).toBe('approved');
    const replay = await anonymous('POST', '/approval-link/decision', {
      token: token,
      decision: 'rejected',
      comment: 'x',
    });
    expect(replay.status).toBe(410);
    expect(replay.body).toMatchObject({ reason: 'used' });
    expect(replay.body.message).toContain('already used');
    expect((await anonymous('GET', `/approval-link?token=${token}`)).status).toBe(410);
    const granted = await eventually(
      () => approvals(postId),
      (a) => a.length === 2,
    );
    expect(granted[1]).toEqual({
      postId,
      step: 2,
      totalSteps: 2,
      approvedById: linkId,
      approverRole: 'client-approver',
    });
    const [told] = await eventually(
      () => notifications('post-approved', postId),
      (n) => n.length === 1,
    );
    expect(told!.recipients).toEqual({ rule: 'members', memberIds: [writer.userId] });
    const view = await approvalOf(postId);
    expect(view.blockingReason).toBeNull();
    expect(view.approval!.decisions.map((d) => d.via)).toEqual(['member', 'member', 'link']);
  });

  it('schedules the approved post', async () => {
    const scheduled = await schedule(postId);
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200);
    expect(scheduled.body.status).toBe('scheduled');
    await eventually(
      () =>
        s.delivered.filter(
          (e: EventEnvelope) =>
            e.type === 'PostScheduled' && (e.payload as PostScheduledV2).postId === postId,
        ),
      (e) => e.length === 1,
    );
  });

  it('sends an approved post back for approval when it is edited, off the calendar until approved again', async () => {
    const post = (await s.call<{ revision: number }>(writer, 'GET', `/posts/${postId}`)).body;
    const edited = await s.call<{ status: string }>(writer, 'PUT', `/posts/${postId}`, {
      revision: post.revision,
      text: 'Our autumn blend is here\nNow with cinnamon',
      targets: [{ channelId: sky }],
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.status).toBe('draft');
    const view = await approvalOf(postId);
    expect(view.approval).toMatchObject({ status: 'pending', round: 2, version: 2, step: 1, decisions: [] });
    expect(view.blockingReason).toContain('awaits approval of version 2');
    expect((await schedule(postId)).status).toBe(409);
    const publications = await s.service.serviceDb.asSystem((tx) =>
      tx.query<{ state: string }>(`SELECT state FROM content.publication WHERE post_id = $1`, [postId]),
    );
    expect(publications.map((p) => p.state)).toEqual(['cancelled']);
    const asked = await eventually(
      () => notifications('post-awaiting-approval', postId),
      (n) => n.length === 3,
    );
    expect(asked[2]!.body).toContain('edited after');
    // The link was for round 1: it can no longer be used, and says why.
    expect((await anonymous('GET', `/approval-link?token=${token}`)).body).toMatchObject({ reason: 'used' });
  });

  it('keeps every content version and shows what changed between two', async () => {
    const versions = await s.call<{ items: { version: number; content: { text: string } }[] }>(
      writer,
      'GET',
      `/posts/${postId}/versions`,
    );
    expect(versions.body.items.map((v) => [v.version, v.content.text])).toEqual([
      [1, 'Our autumn blend is here'],
      [2, 'Our autumn blend is here\nNow with cinnamon'],
    ]);
    const diff = await s.call<{ changes: { field: string; lines: { op: string; text: string }[] }[] }>(
      writer,
      'GET',
      `/posts/${postId}/versions/diff?from=1&to=2`,
    );
    expect(diff.status).toBe(200);
    const latest = await s.call(writer, 'GET', `/posts/${postId}/versions/diff`);
    expect(latest.body).toEqual({ from: 1, to: 2, changes: diff.body.changes });
    expect(diff.body.changes).toEqual([
      {
        field: 'text',
        before: 'Our autumn blend is here',
        after: 'Our autumn blend is here\nNow with cinnamon',
        lines: [
          { op: 'same', text: 'Our autumn blend is here' },
          { op: 'added', text: 'Now with cinnamon' },
        ],
      },
    ]);
    const unknown = await s.call<Refusal>(writer, 'GET', `/posts/${postId}/versions/diff?from=1&to=9`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.problems?.[0]).toMatchObject({ field: 'to' });
    expect((await s.call(otherAgency, 'GET', `/posts/${postId}/versions`)).status).toBe(404);
  });

  it('makes a link superseded by a change refuse clearly', async () => {
    for (const who of [strategist1, strategist2]) {
      expect((await decide(who, postId, { decision: 'approved', step: 1, version: 2 })).status).toBe(200);
    }
    const created = await s.call(writer, 'POST', `/posts/${postId}/approval/links`, {
      contactEmail: MARIA.email,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const links = await eventually(
      () => mailedLinks(postId),
      (l) => l.length === 2,
    );
    const post = (await s.call<{ revision: number }>(writer, 'GET', `/posts/${postId}`)).body;
    const edited = await s.call(writer, 'PUT', `/posts/${postId}`, {
      revision: post.revision,
      text: 'Autumn blend, cinnamon and clove',
      targets: [{ channelId: sky }],
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const stale = await anonymous('POST', '/approval-link/decision', {
      token: links[1]!,
      decision: 'approved',
    });
    expect(stale.status).toBe(410);
    expect(stale.body).toMatchObject({ reason: 'superseded' });
    expect(stale.body.message).toContain('changed since this link was sent');
  });

  it('rejects with a comment, tells the author, and takes the post again once submitted', async () => {
    const rejected = await decide(strategist1, postId, {
      decision: 'rejected',
      step: 1,
      version: 3,
      comment: 'Clove is not on the menu',
    });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    expect(rejected.body.status).toBe('rejected');
    const [told] = await eventually(
      () => notifications('post-rejected', postId),
      (n) => n.length === 1,
    );
    expect(told!.recipients).toEqual({ rule: 'members', memberIds: [writer.userId] });
    expect((await schedule(postId)).body.message).toContain('rejected at step 1 of 2');
    const again = await s.call<Approval>(writer, 'POST', `/posts/${postId}/approval`);
    expect(again.body).toMatchObject({ status: 'pending', round: 4, version: 3, step: 1 });
    const history = (
      await s.call<{ history: { decision: string; round: number }[] }>(
        writer,
        'GET',
        `/posts/${postId}/approval`,
      )
    ).body.history;
    expect(history.map((d) => `${d.round}:${d.decision}`)).toEqual([
      '1:approved',
      '1:approved',
      '1:approved',
      '2:approved',
      '2:approved',
      '3:rejected',
    ]);
  });

  it("refuses a link for an 'all' step, which waits for each named member's own decision", async () => {
    const saved = await s.call(admin, 'PUT', '/approval-workflow', {
      steps: [{ role: 'client-approver', mode: 'all', memberIds: [client.userId] }],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const allPost = await newPost('Winter blend soon');
    expect((await s.call(writer, 'POST', `/posts/${allPost}/approval`)).status).toBe(200);
    const refused = await s.call<Refusal>(writer, 'POST', `/posts/${allPost}/approval/links`, {
      contactEmail: MARIA.email,
    });
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body.message).toContain("links are for 'any' client-approver steps");
    expect(notifications('approval-link', allPost)).toEqual([]);
  });
});
