import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnvelope, goalSetV1, uuidv7, type EventEnvelope, type GoalSetV1 } from '@chorus/contracts';
import { withCorrelation } from '@chorus/service-kit';
import { GoalSetKafkaConsumer } from '../src/infrastructure/messaging/goal-set.kafka-consumer.js';
import { HttpClient } from './support/http-client.js';
import { startGatewayOnPostgres, type GatewayOnPostgres } from './support/gateway-on-postgres.js';
import { mailedToken } from './support/machine-mailbox.js';
import { signUpAndSignIn } from './support/sign-up.js';

// The audit log on the real PostgreSQL: what the gateway records itself, what it reads from other services'
// events (once per event), search, paging, CSV export that a spreadsheet cannot be tricked by, and isolation.

const PASSWORD = 'correct horse battery';
const unique = () => `${Date.now()}-${Math.random().toString(16).slice(2, 8)}`;

interface Entry {
  id: string;
  action: string;
  actorId: string | null;
  objectId: string;
  workspaceId: string | null;
  source: string;
  details: Record<string, unknown>;
}

describe('gateway audit log (PostgreSQL)', () => {
  let g: GatewayOnPostgres;
  let api: HttpClient;
  let a: { token: string; userId: string; agencyId: string; workspaceId: string; email: string };

  const signUp = async (name = 'Ada') => {
    const email = `admin-${unique()}@example.test`;
    const answer = await signUpAndSignIn(api, {
      body: { agencyName: 'Agency', workspaceName: 'Brand', name, email, password: PASSWORD },
    });
    return { ...(answer.body as unknown as typeof a), email };
  };
  const entries = async (query = '', token = a.token) => {
    const answer = await api.call('GET', `/api/audit-log${query}`, { token });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body as unknown as { items: Entry[]; nextBefore: string | null };
  };

  beforeAll(async () => {
    g = await startGatewayOnPostgres();
    api = new HttpClient(g.url);
    a = await signUp();
  }, 60_000);

  afterAll(async () => {
    await g?.close();
  });

  it('records sign-ins and refused sign-ins of a known member, agency-wide', async () => {
    await api.call('POST', '/api/auth/sign-in', { body: { email: a.email, password: 'wrong wrong wrong' } });
    await api.call('POST', '/api/auth/sign-in', { body: { email: a.email, password: PASSWORD } });
    const { items } = await entries(`?objectId=${a.userId}`);
    // The oldest is the sign-in that followed sign-up (sign-up itself gives no token, ADR 0017).
    expect(items.map((e) => e.action)).toEqual([
      'member.signed-in',
      'member.sign-in-refused',
      'member.signed-in',
    ]);
    expect(items[0]).toMatchObject({
      actorId: a.userId,
      workspaceId: null,
      source: 'gateway',
      details: { kind: 'sign-in' },
    });
    expect(items[1]).toMatchObject({ actorId: null, details: { reason: 'wrong-password' } });
  });

  it('records invitations and role changes with who, before and after', async () => {
    const invited = await api.call('POST', '/api/members', {
      token: a.token,
      body: { email: `m-${unique()}@example.test`, name: 'Mo', roles: ['designer'] },
    });
    const memberId = invited.body.memberId as string;
    await api.call('PUT', `/api/members/${memberId}/roles`, {
      token: a.token,
      body: { roles: ['analyst', 'designer'] },
    });
    const { items } = await entries(`?objectId=${memberId}`);
    expect(items.map((e) => [e.action, e.actorId, e.workspaceId])).toEqual([
      ['member.roles-changed', a.userId, a.workspaceId],
      ['member.invited', a.userId, a.workspaceId],
    ]);
    expect(items[0]!.details).toEqual({ before: ['designer'], after: ['analyst', 'designer'] });
    const onlyChanges = await entries('?action=member.roles-changed');
    expect(onlyChanges.items.every((e) => e.action === 'member.roles-changed')).toBe(true);
  });

  it("writes an entry from another service's event once, however often the event arrives", async () => {
    const goalId = uuidv7();
    const event: EventEnvelope<GoalSetV1> = createEnvelope(
      goalSetV1,
      { tenantId: a.agencyId, workspaceId: a.workspaceId, correlationId: uuidv7() },
      {
        goalId,
        revision: 1,
        title: 'Reach up',
        metric: 'reach',
        baseline: { unit: 'count', value: 1 },
        target: { unit: 'count', value: 2 },
        startsAt: '2026-01-01T00:00:00.000Z',
        deadline: '2026-12-31T00:00:00.000Z',
        timeZone: 'Europe/Rome',
        scope: { channelIds: [], audienceIds: [] },
        ownerId: a.userId,
        status: 'active',
      },
    );
    const consumer = withCorrelation(g.gateway.app.get(GoalSetKafkaConsumer), g.gateway.logger);
    for (let i = 0; i < 2; i++) {
      await g.gateway.serviceDb.withTenant(a.agencyId, (tx) => consumer.handle(event, tx));
    }
    const { items } = await entries(`?objectId=${goalId}`);
    expect(items).toEqual([
      expect.objectContaining({
        action: 'goal.set',
        source: 'strategy',
        actorId: a.userId,
        details: { title: 'Reach up', metric: 'reach', revision: 1 },
      }),
    ]);
  });

  it('pages newest first with `before`', async () => {
    const first = await entries('?limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.nextBefore).toBe(first.items[1]!.id);
    const second = await entries(`?limit=2&before=${first.nextBefore}`);
    expect(second.items[0]!.id < first.items[1]!.id).toBe(true);
  });

  it('exports CSV whose formula-looking cells stay text', async () => {
    const c = await signUp(); // an agency of its own: a second workspace makes every call name one
    const evil = '=HYPERLINK("http://evil.example","click")';
    const created = await api.call('POST', '/api/workspaces', { token: c.token, body: { name: evil } });
    expect(created.status).toBe(201);
    const response = await fetch(`${g.url}/api/audit-log/export.csv?action=workspace.created`, {
      headers: { authorization: `Bearer ${c.token}`, 'x-chorus-workspace': c.workspaceId },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain('attachment');
    const csv = await response.text();
    const [header, ...rows] = csv.trimEnd().split('\r\n');
    expect(header).toBe(
      '"id","occurredAt","workspaceId","actorId","action","objectType","objectId","source","details"',
    );
    // The workspace lives in the new workspace's log, not this one's: search it there.
    expect(rows).toEqual([]);
    const there = await fetch(`${g.url}/api/audit-log/export.csv?action=workspace.created`, {
      headers: { authorization: `Bearer ${c.token}`, 'x-chorus-workspace': created.body.id },
    });
    const line = (await there.text()).split('\r\n')[1]!;
    expect(line).toContain('"workspace.created"');
    expect(line).toContain('"{""name"":""=HYPERLINK(');
    const nameAsCell = await fetch(`${g.url}/api/audit-log/export.csv?objectId=${encodeURIComponent(evil)}`, {
      headers: { authorization: `Bearer ${c.token}`, 'x-chorus-workspace': c.workspaceId },
    });
    expect(nameAsCell.status).toBe(200);
  });

  it('neutralises a cell that starts like a formula', async () => {
    const sneaky = await signUp('=cmd|calc');
    await api.call('POST', '/api/members', {
      token: sneaky.token,
      body: {
        email: `=1+1-${unique()}@example.test`.replace('=', 'x'),
        name: '@SUM(1)',
        roles: ['designer'],
      },
    });
    const response = await fetch(`${g.url}/api/audit-log/export.csv?action=member.invited`, {
      headers: { authorization: `Bearer ${sneaky.token}` },
    });
    const csv = await response.text();
    expect(csv).toContain('"member.invited"');
    expect(csv).not.toMatch(/(^|,)"[=+\-@]/m);
  });

  it('shows another agency nothing, and readers without audit:read nothing', async () => {
    const b = await signUp();
    const seenByB = await entries('', b.token);
    expect(seenByB.items.every((e) => e.objectId !== a.userId)).toBe(true);
    expect(
      (
        await api.call('GET', '/api/audit-log', {
          token: b.token,
          headers: { 'x-chorus-workspace': a.workspaceId },
        })
      ).status,
    ).toBe(403);
    const analystEmail = `an-${unique()}@example.test`;
    await api.call('POST', '/api/members', {
      token: a.token,
      body: { email: analystEmail, name: 'An', roles: ['analyst'] },
    });
    const resetToken = await mailedToken(g.gateway, analystEmail);
    await api.call('POST', '/api/auth/password-reset/complete', {
      body: { token: resetToken, password: PASSWORD },
    });
    const analyst = await api.call('POST', '/api/auth/sign-in', {
      body: { email: analystEmail, password: PASSWORD },
    });
    expect((await api.call('GET', '/api/audit-log', { token: analyst.body.token })).status).toBe(403);
  });

  it('refuses bad filters naming the field', async () => {
    for (const [query, field] of [
      ['?action=DROP TABLE', 'action'],
      ['?actorId=me', 'actorId'],
      ['?limit=0', 'limit'],
      ['?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'to'],
      ['?colour=red', 'query'],
    ] as const) {
      const answer = await api.call('GET', `/api/audit-log${query}`, { token: a.token });
      expect(answer.status, query).toBe(400);
      expect(
        answer.body.problems.map((p) => p.field),
        query,
      ).toContain(field);
    }
  });

  it('keeps the log append-only, even for the service itself', async () => {
    await expect(
      g.gateway.serviceDb.withTenant(a.agencyId, (tx) => tx.query('DELETE FROM gateway.audit_entry')),
    ).rejects.toThrow(/permission denied/);
    await expect(
      g.gateway.serviceDb.asSystem((tx) => tx.query(`UPDATE gateway.audit_entry SET action = 'x.y'`)),
    ).rejects.toThrow(/permission denied/);
  });
});
