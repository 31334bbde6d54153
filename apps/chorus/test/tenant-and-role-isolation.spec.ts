import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, hasPermission, type Role } from '@chorus/access';
import {
  startAllServicesOnPostgres,
  type AllServicesOnPostgres,
} from './support/all-services-on-postgres.js';
import { committedOperations, type Operation } from './support/openapi-operations.js';

// Every endpoint a client can see (the committed OpenAPI documents of every app), called as a member of another
// agency and as a member holding each single role, on the real PostgreSQL: nothing crosses an agency, nothing
// exceeds a role, another agency's object is 404. A new endpoint joins this test by being documented.

const PASSWORD = 'correct horse battery';
const MARK = `A-MARK-${randomUUID().slice(0, 8)}`;

interface Answer {
  status: number;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixtures read a few fields of each answer
  body: any;
}

describe('tenant and role isolation over every documented endpoint (PostgreSQL)', () => {
  let host: AllServicesOnPostgres;
  const operations = committedOperations().filter((op) => op.access !== 'public');
  /** Last: signing out revokes the token the rest of the calls use. */
  operations.sort((x, y) => Number(x.name.endsWith('/sign-out')) - Number(y.name.endsWith('/sign-out')));

  const a = { token: '', workspaceId: '', ids: [] as string[] };
  const b = { token: '', workspaceId: '' };
  const roleTokens = new Map<Role, string>();
  /** A's object for each uuid path parameter, so that B can ask for it by id. */
  const objectOf: Record<string, string> = {};

  const call = async (
    method: string,
    path: string,
    options: { token: string; workspaceId?: string; body?: unknown },
  ): Promise<Answer> => {
    const headers: Record<string, string> = { authorization: `Bearer ${options.token}` };
    if (options.workspaceId !== undefined) {
      headers['x-chorus-workspace'] = options.workspaceId;
    }
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${host.url}${path}`, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    return { status: response.status, text, body: parseJson(text) };
  };

  const created = async (path: string, body: unknown, token = a.token): Promise<string> => {
    const answer = await call('POST', path, { token, body });
    expect(answer.status, `${path}: ${answer.text}`).toBe(201);
    const id =
      (answer.body as { id?: string; memberId?: string }).id ??
      (answer.body as { memberId: string }).memberId;
    a.ids.push(id);
    return id;
  };

  const signUp = async (email: string, label: string) => {
    const answer = await call('POST', '/api/auth/sign-up', {
      token: 'none',
      body: { agencyName: label, workspaceName: label, name: label, email, password: PASSWORD },
    });
    expect(answer.status).toBe(201);
    return answer.body as { token: string; agencyId: string; workspaceId: string; userId: string };
  };

  /** A's member holding exactly one role, invited and signed in through the API. */
  const memberWithRole = async (role: Role): Promise<string> => {
    const email = `${role}-${randomUUID()}@example.test`;
    const memberId = await created('/api/members', { email, name: `${MARK} ${role}`, roles: [role] });
    objectOf.memberId ??= memberId;
    const outbox = await call('GET', '/api/mail-outbox?limit=200', { token: a.token });
    const mail = (outbox.body as { items: { to: string; text: string }[] }).items.find(
      (m) => m.to === email,
    )!;
    const token = /#token=(chorus_r_[\w-]+)/.exec(mail.text)![1]!;
    expect(
      (
        await call('POST', '/api/auth/password-reset/complete', {
          token: 'none',
          body: { token, password: PASSWORD },
        })
      ).status,
    ).toBe(204);
    const signIn = await call('POST', '/api/auth/sign-in', {
      token: 'none',
      body: { email, password: PASSWORD },
    });
    return (signIn.body as { token: string }).token;
  };

  /** A concrete path: A's objects for uuid parameters when `useAsObjects`, else fresh uuids; enums' first value. */
  const concretePath = (op: Operation, useAsObjects: boolean): string =>
    op.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
      const parameter = op.pathParameters.find((p) => p.name === name);
      const schema = parameter?.schema ?? {};
      if (schema.format === 'uuid') {
        return useAsObjects ? (objectOf[name] ?? `missing-fixture-for-${name}`) : randomUUID();
      }
      if (schema.enum !== undefined && schema.enum.length > 0) {
        return String(schema.enum[0]);
      }
      return schema.type === 'integer' || schema.type === 'number' ? '1' : 'x';
    });

  const leaksA = (answer: Answer): string[] =>
    [MARK, ...a.ids].filter((secret) => answer.text.includes(secret));

  beforeAll(async () => {
    host = await startAllServicesOnPostgres();
    const agencyA = await signUp(`a-${randomUUID()}@example.test`, MARK);
    const agencyB = await signUp(`b-${randomUUID()}@example.test`, 'Agency B');
    Object.assign(a, { token: agencyA.token, workspaceId: agencyA.workspaceId });
    a.ids.push(agencyA.agencyId, agencyA.workspaceId, agencyA.userId);
    Object.assign(b, { token: agencyB.token, workspaceId: agencyB.workspaceId });

    objectOf.goalId = await created('/api/strategy/goals', {
      title: MARK,
      metric: 'reach',
      baseline: { unit: 'count', value: 100 },
      target: { unit: 'count', value: 1000 },
      deadline: new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString(),
    });
    objectOf.audienceId = await created('/api/strategy/audiences', {
      kind: 'persona',
      name: MARK,
      buyingStage: 'awareness',
    });
    await created('/api/content/campaigns', { name: MARK, description: MARK });
    objectOf.postId = await created('/api/content/posts', { text: MARK, tags: [MARK] });
    await created('/api/community/saved-replies', { title: MARK, body: MARK });
    await created('/api/ads/ad-accounts', { network: 'meta', externalId: MARK, name: MARK, currency: 'EUR' });
    objectOf.id = await created('/api/auth/api-tokens', { name: MARK });
    // A channel needs a network to connect through; this run loads no connector, so A's channel row is written
    // as the gateway writes it (its credentials a placeholder: no endpoint opens them).
    objectOf.channelId = randomUUID();
    a.ids.push(objectOf.channelId);
    await host.gateway.serviceDb.asSystem((tx) =>
      tx.query(
        `INSERT INTO gateway.channel (id, tenant_id, workspace_id, network, remote_account_id, handle,
           display_name, state, credentials, vault_key_id, connected_by_id, created_at, updated_at)
         VALUES ($1, $2, $3, 'mastodon', $4, $4, $4, 'connected', '{"version":1}', 'k1', $5, now(), now())`,
        [objectOf.channelId, agencyA.agencyId, agencyA.workspaceId, MARK, agencyA.userId],
      ),
    );
    objectOf.notificationId = await created('/api/notifications/test', {});
    objectOf.webhookId = await created('/api/notification-webhooks', {
      url: 'https://hooks.example.test/chorus',
      kinds: ['post-failed'],
      description: MARK,
    });
    for (const role of ROLES) {
      roleTokens.set(role, await memberWithRole(role));
    }
  }, 180_000);

  afterAll(async () => {
    await host?.close();
  });

  it('reads every app from the committed documents', () => {
    const apps = new Set(operations.map((op) => op.app));
    expect([...apps].sort()).toEqual(
      expect.arrayContaining(['ads', 'analytics', 'community', 'content', 'gateway', 'strategy']),
    );
    expect(operations.length).toBeGreaterThan(20);
  });

  it("has a fixture for every uuid path parameter, so that B can ask for A's object by id", () => {
    const missing = operations.flatMap((op) =>
      op.pathParameters
        .filter((p) => p.schema?.format === 'uuid' && objectOf[p.name] === undefined)
        .map((p) => `${op.name} {${p.name}}`),
    );
    expect(missing).toEqual([]);
  });

  it("refuses every workspace endpoint to another agency's admin in A's workspace (403), leaking nothing", async () => {
    const problems: string[] = [];
    for (const op of operations.filter((o) => o.access !== 'authenticated')) {
      const answer = await call(op.method, concretePath(op, true), {
        token: b.token,
        workspaceId: a.workspaceId,
        ...(op.hasBody ? { body: {} } : {}),
      });
      if (answer.status !== 403 || leaksA(answer).length > 0) {
        problems.push(`${op.name}: ${answer.status} ${answer.text.slice(0, 120)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("answers another agency's object with 404 and shows B nothing of A's, on every endpoint", async () => {
    const problems: string[] = [];
    for (const op of operations) {
      const byId = op.pathParameters.some((p) => p.schema?.format === 'uuid');
      const answer = await call(op.method, concretePath(op, true), {
        token: b.token,
        ...(op.hasBody ? { body: {} } : {}),
      });
      const leaks = leaksA(answer);
      const allowed = byId ? (op.hasBody ? [400, 404] : [404]) : [200, 201, 204, 400, 404, 409];
      if (!allowed.includes(answer.status) || leaks.length > 0) {
        problems.push(
          `${op.name}: ${answer.status} leaks [${leaks.join(', ')}] ${answer.text.slice(0, 120)}`,
        );
      }
    }
    expect(problems).toEqual([]);
    // And A's objects are all still there, unchanged.
    expect(
      (await call('GET', `/api/strategy/goals/${objectOf.goalId}`, { token: a.token })).body,
    ).toMatchObject({ title: MARK });
    expect(
      (await call('GET', `/api/strategy/audiences/${objectOf.audienceId}`, { token: a.token })).body,
    ).toMatchObject({ name: MARK });
    const tokens = await call('GET', '/api/auth/api-tokens', { token: a.token });
    expect((tokens.body as { items: { id: string }[] }).items.map((t) => t.id)).toContain(objectOf.id);
    const channels = await call('GET', '/api/channels', { token: a.token });
    expect((channels.body as { items: { id: string }[] }).items.map((c) => c.id)).toContain(
      objectOf.channelId,
    );
    const members = await call('GET', '/api/members', { token: a.token });
    expect((members.body as { items: { id: string }[] }).items.map((m) => m.id)).toContain(objectOf.memberId);
  });

  it.each(ROLES)('lets a %s do exactly what its permissions allow, on every endpoint', async (role) => {
    const token = roleTokens.get(role)!;
    const problems: string[] = [];
    for (const op of operations) {
      // Fresh ids, not A's objects: a permitted DELETE must not remove what the other roles' calls need.
      const answer = await call(op.method, concretePath(op, false), {
        token,
        ...(op.hasBody ? { body: {} } : {}),
      });
      const allowed =
        op.access === 'authenticated' || (op.access !== 'public' && hasPermission([role], op.access));
      const ok = allowed
        ? answer.status !== 401 && answer.status !== 403 && answer.status < 500
        : answer.status === 403;
      if (!ok) {
        problems.push(`${op.name} (${op.access}): ${answer.status} ${answer.text.slice(0, 120)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

function parseJson(text: string): unknown {
  try {
    return text === '' ? {} : JSON.parse(text);
  } catch {
    return {}; // a PDF or an HTML page: the leak check reads the text
  }
}
