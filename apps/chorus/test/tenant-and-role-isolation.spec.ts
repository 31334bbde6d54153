import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, hasPermission, type Role } from '@chorus/access';
import {
  startAllServicesOnPostgres,
  type AllServicesOnPostgres,
} from './support/all-services-on-postgres.js';
import { committedOperations, type Operation } from './support/openapi-operations.js';
import {
  PATH_VALUES,
  RawBody,
  audienceExample,
  goalExample,
  writeExamples,
  type WriteExample,
} from './support/write-examples.js';

// Every endpoint a client can see (the committed OpenAPI documents of every app), called as a member of another
// agency, as a member holding each single role, and as the admin of another workspace of the same agency, on the
// real PostgreSQL: nothing crosses an agency or a workspace, nothing exceeds a role, another agency's or
// workspace's object is 404. Writes carry valid bodies (write-examples.ts), so a 400 cannot pass for a refusal
// and a permitted role must get past validation. A new endpoint joins this test by being documented.

const PASSWORD = 'correct horse battery';
const MARK = `A-MARK-${randomUUID().slice(0, 8)}`;
/** What the agency's second workspace holds: no member of the first may see it. */
const MARK2 = `W2-MARK-${randomUUID().slice(0, 8)}`;

interface Answer {
  status: number;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixtures read a few fields of each answer
  body: any;
}

// Each test walks every documented endpoint: seconds on an idle machine, more on a busy CI runner.
describe('tenant and role isolation over every documented endpoint (PostgreSQL)', { timeout: 60_000 }, () => {
  let host: AllServicesOnPostgres;
  const operations = committedOperations().filter((op) => op.access !== 'public');
  /** Last: signing out revokes the token the rest of the calls use. */
  operations.sort((x, y) => Number(x.name.endsWith('/sign-out')) - Number(y.name.endsWith('/sign-out')));
  /** What the probing calls write: never a mark they must not see, or their own echo would count as a leak. */
  const examples = writeExamples(`PROBE-${randomUUID().slice(0, 8)}`);

  const a = { token: '', workspaceId: '', agencyId: '', userId: '', ids: [] as string[] };
  const b = { token: '', workspaceId: '' };
  const w2 = { workspaceId: '', ids: [] as string[] };
  const roleTokens = new Map<Role, string>();
  /** An admin of the first workspace only, for the second-workspace checks (the role tests sign theirs out). */
  let w1AdminToken = '';
  /** A's object for each uuid path parameter, so that B can ask for it by id. */
  const objectOf: Record<string, string> = {};
  /** The second workspace's objects, for the first workspace's admin to ask for by id. */
  const objectOf2: Record<string, string> = {};

  const call = async (
    method: string,
    path: string,
    options: { token: string; workspaceId?: string; body?: unknown },
  ): Promise<Answer> => {
    const headers: Record<string, string> = { authorization: `Bearer ${options.token}` };
    if (options.workspaceId !== undefined) {
      headers['x-chorus-workspace'] = options.workspaceId;
    }
    const raw = options.body instanceof RawBody ? options.body : undefined;
    if (options.body !== undefined) {
      headers['content-type'] = raw?.contentType ?? 'application/json';
    }
    const response = await fetch(`${host.url}${path}`, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: raw?.data ?? JSON.stringify(options.body) }),
    });
    const text = await response.text();
    return { status: response.status, text, body: parseJson(text) };
  };

  const exampleOf = (op: Operation): WriteExample | undefined => examples[op.name];
  /** The op's valid body, if it takes one. */
  const bodyOf = (op: Operation): { body?: unknown } =>
    op.hasBody ? { body: examples[op.name]?.body() ?? {} } : {};
  /**
   * What a permitted caller may get. A write carries a valid body, so it must get past validation: 2xx, or 404 /
   * 409 from the handler (fresh ids), or what its example documents. A read keeps the looser rule (required
   * query parameters are not filled in): anything but 401, 403 and 5xx.
   */
  const permittedAnswer = (op: Operation, status: number): boolean =>
    op.hasBody
      ? [200, 201, 202, 204, 404, 409, ...(exampleOf(op)?.alsoAccept ?? [])].includes(status)
      : status !== 401 && status !== 403 && status < 500;

  const created = async (
    path: string,
    body: unknown,
    options: { token?: string; workspaceId?: string; ids?: string[] } = {},
  ): Promise<string> => {
    const answer = await call('POST', path, {
      token: options.token ?? a.token,
      body,
      ...(options.workspaceId === undefined ? {} : { workspaceId: options.workspaceId }),
    });
    expect(answer.status, `${path}: ${answer.text}`).toBe(201);
    const id =
      (answer.body as { id?: string; memberId?: string }).id ??
      (answer.body as { memberId: string }).memberId;
    (options.ids ?? a.ids).push(id);
    return id;
  };

  /** Founds an agency and signs its owner in; sign-up itself names no ids (it must not reveal a taken e-mail). */
  const signUp = async (email: string, label: string) => {
    const answer = await call('POST', '/api/auth/sign-up', {
      token: 'none',
      body: { agencyName: label, workspaceName: label, name: label, email, password: PASSWORD },
    });
    expect([201, 202]).toContain(answer.status);
    const signIn = await call('POST', '/api/auth/sign-in', {
      token: 'none',
      body: { email, password: PASSWORD },
    });
    expect(signIn.status, signIn.text).toBe(200);
    const token = (signIn.body as { token: string }).token;
    const me = (await call('GET', '/api/me', { token })).body as {
      userId: string;
      agency: { id: string };
      workspaces: { id: string }[];
    };
    return { token, agencyId: me.agency.id, workspaceId: me.workspaces[0]!.id, userId: me.userId };
  };

  /** The invitation as the machine holds it: no other member may read a person's mail (ADR 0018). */
  const invitationToken = async (email: string): Promise<string> => {
    const rows = await host.gateway.serviceDb.asSystem((tx) =>
      tx.query<{ body: string }>(
        `SELECT body FROM gateway.mail_outbox WHERE recipient = $1 ORDER BY created_at DESC LIMIT 1`,
        [email],
      ),
    );
    return /#token=(chorus_r_[\w-]+)/.exec(rows[0]!.body)![1]!;
  };

  /** A's member holding exactly one role in the given workspace, invited and signed in through the API. */
  const memberWithRole = async (role: Role, workspaceId: string, mark: string, ids: string[]) => {
    const email = `${role}-${randomUUID()}@example.test`;
    const memberId = await created(
      '/api/members',
      { email, name: `${mark} ${role}`, roles: [role] },
      { workspaceId, ids },
    );
    expect(
      (
        await call('POST', '/api/auth/password-reset/complete', {
          token: 'none',
          body: { token: await invitationToken(email), password: PASSWORD },
        })
      ).status,
    ).toBe(204);
    const signIn = await call('POST', '/api/auth/sign-in', {
      token: 'none',
      body: { email, password: PASSWORD },
    });
    return { memberId, token: (signIn.body as { token: string }).token };
  };

  /** A concrete path: the given objects for uuid parameters (else fresh uuids); enums' first value. */
  const concretePath = (op: Operation, objects: Record<string, string> | null): string =>
    op.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
      const parameter = op.pathParameters.find((p) => p.name === name);
      const schema = parameter?.schema ?? {};
      if (schema.format === 'uuid') {
        return objects === null ? randomUUID() : (objects[name] ?? `missing-fixture-for-${name}`);
      }
      // An id documented as a plain string: an object's when there is one, else one that exists nowhere.
      if (name.endsWith('Id')) {
        return (objects === null ? undefined : objects[name]) ?? randomUUID();
      }
      if (schema.enum !== undefined && schema.enum.length > 0) {
        return String(schema.enum[0]);
      }
      return PATH_VALUES[name] ?? (schema.type === 'integer' || schema.type === 'number' ? '1' : 'x');
    });

  /** The secrets found in the answer; an id the caller put in the path may be echoed ("No goal <id>"). */
  const leaks = (answer: Answer, secrets: readonly string[], path = ''): string[] =>
    secrets.filter((secret) => answer.text.includes(secret) && !path.includes(secret));
  const leaksA = (answer: Answer, path = ''): string[] => leaks(answer, [MARK, ...a.ids], path);
  const byId = (op: Operation) => op.pathParameters.some((p) => p.schema?.format === 'uuid');
  const workspaceScoped = (op: Operation) => op.access !== 'authenticated' && op.access !== 'agency';

  /** A channel row as the gateway writes it (no connector is loaded in this run); placeholder credentials. */
  const channelRow = async (workspaceId: string, mark: string): Promise<string> => {
    const id = randomUUID();
    await host.gateway.serviceDb.asSystem((tx) =>
      tx.query(
        `INSERT INTO gateway.channel (id, tenant_id, workspace_id, network, remote_account_id, handle,
           display_name, state, credentials, vault_key_id, connected_by_id, created_at, updated_at)
         VALUES ($1, $2, $3, 'mastodon', $4, $4, $4, 'connected', '{"version":1}', 'k1', $5, now(), now())`,
        [id, a.agencyId, workspaceId, mark, a.userId],
      ),
    );
    return id;
  };

  /**
   * A recurring-post series row as content writes it: creating one over HTTP needs a channel content learned
   * from a ChannelConnected event, which this run has no bus to deliver.
   */
  const seriesRow = async (workspaceId: string, mark: string): Promise<string> => {
    const id = randomUUID();
    const content = host.services.find((svc) => svc.name === 'content')!;
    await content.serviceDb.asSystem((tx) =>
      tx.query(
        `INSERT INTO content.post_series (id, tenant_id, workspace_id, status, revision, rule, starts_on, local_time,
           time_zone, template, created_at, created_by, updated_at, updated_by)
         VALUES ($1, $2, $3, 'active', 1, 'FREQ=WEEKLY', '2030-01-07', '09:00', 'Europe/Rome', $4::jsonb, now(), $5,
           now(), $5)`,
        [
          id,
          a.agencyId,
          workspaceId,
          JSON.stringify({
            master: { text: mark, media: [], firstComment: null, thread: [] },
            targets: [],
            contentType: 'text',
            tags: [mark],
            campaignId: null,
            pillarKey: null,
            goalIds: [],
          }),
          a.userId,
        ],
      ),
    );
    return id;
  };

  beforeAll(async () => {
    host = await startAllServicesOnPostgres();
    const agencyA = await signUp(`a-${randomUUID()}@example.test`, MARK);
    const agencyB = await signUp(`b-${randomUUID()}@example.test`, 'Agency B');
    Object.assign(a, {
      token: agencyA.token,
      workspaceId: agencyA.workspaceId,
      agencyId: agencyA.agencyId,
      userId: agencyA.userId,
    });
    a.ids.push(agencyA.agencyId, agencyA.workspaceId, agencyA.userId);
    Object.assign(b, { token: agencyB.token, workspaceId: agencyB.workspaceId });

    objectOf.goalId = await created('/api/strategy/goals', goalExample(MARK));
    objectOf.audienceId = await created('/api/strategy/audiences', audienceExample(MARK));
    await created('/api/content/campaigns', { name: MARK, description: MARK });
    objectOf.postId = await created('/api/content/posts', { text: MARK, tags: [MARK] });
    objectOf.requestId = await created(`/api/content/posts/${objectOf.postId}/asset-requests`, {
      kind: 'image',
      brief: MARK,
      dueOn: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10),
      assigneeId: a.userId,
    });
    await created('/api/community/saved-replies', { title: MARK, body: MARK });
    await created('/api/ads/ad-accounts', { network: 'meta', externalId: MARK, name: MARK, currency: 'EUR' });
    objectOf.id = await created('/api/auth/api-tokens', { name: MARK });
    objectOf.channelId = await channelRow(a.workspaceId, MARK);
    a.ids.push(objectOf.channelId);
    objectOf.seriesId = await seriesRow(a.workspaceId, MARK);
    a.ids.push(objectOf.seriesId);
    objectOf.notificationId = await created('/api/notifications/test', {});
    objectOf.webhookId = await created('/api/notification-webhooks', {
      url: 'https://hooks.example.test/chorus',
      kinds: ['post-failed'],
      description: MARK,
    });
    for (const role of ROLES) {
      const member = await memberWithRole(role, a.workspaceId, MARK, a.ids);
      objectOf.memberId ??= member.memberId;
      roleTokens.set(role, member.token);
    }

    w1AdminToken = (await memberWithRole('admin', a.workspaceId, MARK, a.ids)).token;

    // The agency's second workspace, created by its owner, with an object behind every kind of id.
    w2.workspaceId = await created('/api/workspaces', { name: MARK2 }, { ids: w2.ids });
    const in2 = { workspaceId: w2.workspaceId, ids: w2.ids };
    objectOf2.goalId = await created('/api/strategy/goals', goalExample(MARK2), in2);
    objectOf2.audienceId = await created('/api/strategy/audiences', audienceExample(MARK2), in2);
    objectOf2.postId = await created('/api/content/posts', { text: MARK2, tags: [MARK2] }, in2);
    objectOf2.requestId = await created(
      `/api/content/posts/${objectOf2.postId}/asset-requests`,
      {
        kind: 'image',
        brief: MARK2,
        dueOn: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10),
        assigneeId: a.userId,
      },
      in2,
    );
    await created('/api/content/campaigns', { name: MARK2, description: MARK2 }, in2);
    await created('/api/community/saved-replies', { title: MARK2, body: MARK2 }, in2);
    await created(
      '/api/ads/ad-accounts',
      { network: 'meta', externalId: MARK2, name: MARK2, currency: 'EUR' },
      in2,
    );
    objectOf2.webhookId = await created(
      '/api/notification-webhooks',
      { url: 'https://hooks.example.test/w2', kinds: [], description: MARK2 },
      in2,
    );
    objectOf2.channelId = await channelRow(w2.workspaceId, MARK2);
    w2.ids.push(objectOf2.channelId);
    objectOf2.seriesId = await seriesRow(w2.workspaceId, MARK2);
    w2.ids.push(objectOf2.seriesId);
    objectOf2.memberId = (await memberWithRole('analyst', w2.workspaceId, MARK2, w2.ids)).memberId;
    objectOf2.id = objectOf.id;
    objectOf2.notificationId = objectOf.notificationId;
  }, 240_000);

  afterAll(async () => {
    await host?.close();
  });

  it('reads every app from the committed documents', () => {
    const apps = new Set(operations.map((op) => op.app));
    expect([...apps].sort()).toEqual(
      expect.arrayContaining(['ads', 'analytics', 'community', 'content', 'gateway', 'strategy']),
    );
    expect(operations.length).toBeGreaterThan(20);
    expect(operations.some((op) => op.access === 'agency')).toBe(true);
  });

  it("has a fixture for every uuid path parameter, so that B can ask for A's object by id", () => {
    const missing = operations.flatMap((op) =>
      op.pathParameters
        .filter(
          (p) =>
            p.schema?.format === 'uuid' &&
            (objectOf[p.name] === undefined || objectOf2[p.name] === undefined),
        )
        .map((p) => `${op.name} {${p.name}}`),
    );
    expect(missing).toEqual([]);
  });

  it('has a valid example body for every documented write, and no example for a route that is gone', () => {
    const writes = operations.filter((op) => op.hasBody).map((op) => op.name);
    expect(writes.filter((name) => examples[name] === undefined)).toEqual([]);
    expect(Object.keys(examples).filter((name) => !writes.includes(name))).toEqual([]);
  });

  it("refuses every workspace endpoint to another agency's admin in A's workspace (403), leaking nothing", async () => {
    const problems: string[] = [];
    for (const op of operations.filter(workspaceScoped)) {
      const path = concretePath(op, objectOf);
      const answer = await call(op.method, path, {
        token: b.token,
        workspaceId: a.workspaceId,
        ...bodyOf(op),
      });
      if (answer.status !== 403 || leaksA(answer, path).length > 0) {
        problems.push(`${op.name}: ${answer.status} ${answer.text.slice(0, 120)}`);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it("answers another agency's object with 404 and shows B nothing of A's, on every endpoint", async () => {
    const problems: string[] = [];
    for (const op of operations) {
      const path = concretePath(op, objectOf);
      const answer = await call(op.method, path, {
        token: b.token,
        // B may found a second workspace on the way (POST /api/workspaces): name the one B acts in.
        workspaceId: b.workspaceId,
        ...bodyOf(op),
      });
      const found = leaksA(answer, path);
      // A valid body: a by-id write reaches the lookup, so only 404 proves the object was out of reach.
      const ok = byId(op) ? answer.status === 404 : permittedAnswer(op, answer.status);
      if (!ok || found.length > 0) {
        problems.push(
          `${op.name}: ${answer.status} leaks [${found.join(', ')}] ${answer.text.slice(0, 120)}`,
        );
      }
    }
    expect(problems).toEqual([]);
    // And A's objects are all still there, unchanged.
    expect(
      (
        await call('GET', `/api/strategy/goals/${objectOf.goalId}`, {
          token: a.token,
          workspaceId: a.workspaceId,
        })
      ).body,
    ).toMatchObject({ title: MARK });
    expect(
      (
        await call('GET', `/api/strategy/audiences/${objectOf.audienceId}`, {
          token: a.token,
          workspaceId: a.workspaceId,
        })
      ).body,
    ).toMatchObject({ name: MARK });
    const tokens = await call('GET', '/api/auth/api-tokens', { token: a.token });
    expect((tokens.body as { items: { id: string }[] }).items.map((t) => t.id)).toContain(objectOf.id);
    const channels = await call('GET', '/api/channels', { token: a.token, workspaceId: a.workspaceId });
    expect((channels.body as { items: { id: string }[] }).items.map((c) => c.id)).toContain(
      objectOf.channelId,
    );
    const members = await call('GET', '/api/members', { token: a.token, workspaceId: a.workspaceId });
    expect((members.body as { items: { id: string }[] }).items.map((m) => m.id)).toContain(objectOf.memberId);
  }, 120_000);

  it.each(ROLES)(
    'lets a %s do exactly what its permissions allow, on every endpoint',
    async (role) => {
      const token = roleTokens.get(role)!;
      const problems: string[] = [];
      for (const op of operations) {
        // Fresh ids, not A's objects: a permitted DELETE must not remove what the other roles' calls need.
        const answer = await call(op.method, concretePath(op, null), { token, ...bodyOf(op) });
        // No single-workspace member holds an agency role: agency-level routes are refused to all of them.
        const allowed =
          op.access === 'authenticated' ||
          (op.access !== 'public' && op.access !== 'agency' && hasPermission([role], op.access));
        const ok = allowed ? permittedAnswer(op, answer.status) : answer.status === 403;
        if (!ok) {
          problems.push(`${op.name} (${op.access}): ${answer.status} ${answer.text.slice(0, 120)}`);
        }
      }
      expect(problems).toEqual([]);
    },
    120_000,
  );

  it("refuses the first workspace's admin everything in the second workspace (403), leaking nothing", async () => {
    const token = w1AdminToken;
    const problems: string[] = [];
    for (const op of operations.filter(workspaceScoped)) {
      const path = concretePath(op, objectOf2);
      const answer = await call(op.method, path, { token, workspaceId: w2.workspaceId, ...bodyOf(op) });
      const found = leaks(answer, [MARK2, ...w2.ids], path);
      if (answer.status !== 403 || found.length > 0) {
        problems.push(
          `${op.name}: ${answer.status} leaks [${found.join(', ')}] ${answer.text.slice(0, 120)}`,
        );
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it("answers the second workspace's objects with 404 to the first workspace's admin, and lists none", async () => {
    const token = w1AdminToken;
    const problems: string[] = [];
    for (const op of operations.filter((o) => !o.name.endsWith('/sign-out'))) {
      const path = concretePath(op, objectOf2);
      const answer = await call(op.method, path, { token, workspaceId: a.workspaceId, ...bodyOf(op) });
      const found = leaks(answer, [MARK2, ...w2.ids], path);
      // Api tokens and notifications belong to people, not workspaces: the owner's are 404 to another member.
      const ok = byId(op)
        ? answer.status === 404
        : op.access === 'agency'
          ? answer.status === 403
          : permittedAnswer(op, answer.status);
      if (!ok || found.length > 0) {
        problems.push(
          `${op.name}: ${answer.status} leaks [${found.join(', ')}] ${answer.text.slice(0, 120)}`,
        );
      }
    }
    expect(problems).toEqual([]);
    // The second workspace's objects are still there for its own people.
    expect(
      (
        await call('GET', `/api/strategy/goals/${objectOf2.goalId}`, {
          token: a.token,
          workspaceId: w2.workspaceId,
        })
      ).body,
    ).toMatchObject({ title: MARK2 });
  }, 120_000);
});

function parseJson(text: string): unknown {
  try {
    return text === '' ? {} : JSON.parse(text);
  } catch {
    return {}; // a PDF or an HTML page: the leak check reads the text
  }
}
