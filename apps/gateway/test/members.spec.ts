import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from './support/http-client.js';
import { startGatewayOnPostgres, type GatewayOnPostgres } from './support/gateway-on-postgres.js';
import { latestMailTo, mailedToken } from './support/machine-mailbox.js';
import { signUpAndSignIn } from './support/sign-up.js';

// Agencies, workspaces, members and roles at the gateway, on the real PostgreSQL.

const PASSWORD = 'correct horse battery';
const unique = () => `${Date.now()}-${Math.random().toString(16).slice(2, 8)}`;

interface Agency {
  token: string;
  userId: string;
  agencyId: string;
  workspaceId: string;
  email: string;
}

describe('gateway members and roles (PostgreSQL)', () => {
  let g: GatewayOnPostgres;
  let api: HttpClient;
  let a: Agency;
  let b: Agency;

  const signUp = async (): Promise<Agency> => {
    const email = `admin-${unique()}@example.test`;
    const answer = await signUpAndSignIn(api, {
      body: { agencyName: 'Agency', workspaceName: 'Brand', name: 'Ada', email, password: PASSWORD },
    });
    expect(answer.status).toBe(201);
    return { ...(answer.body as unknown as Omit<Agency, 'email'>), email };
  };

  /** Invites into A's workspace, accepts through the mailed link and signs in: the new member's token. */
  const inviteAndJoin = async (roles: string[]) => {
    const email = `member-${unique()}@example.test`;
    const invited = await api.call('POST', '/api/members', {
      token: a.token,
      body: { email, name: `Member ${roles.join('+')}`, roles },
    });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    // Only its recipient reads an invitation (ADR 0018): the test reads it on the machine.
    expect(await latestMailTo(g.gateway, email)).toContain('/accept-invitation#token=chorus_r_');
    const token = await mailedToken(g.gateway, email);
    const chosen = 'my own passphrase 1';
    const accepted = await api.call('POST', '/api/auth/password-reset/complete', {
      body: { token, password: chosen },
    });
    expect(accepted.status).toBe(204);
    const signIn = await api.call('POST', '/api/auth/sign-in', { body: { email, password: chosen } });
    expect(signIn.status).toBe(200);
    return { id: invited.body.memberId as string, token: signIn.body.token, email };
  };

  beforeAll(async () => {
    g = await startGatewayOnPostgres();
    api = new HttpClient(g.url);
    a = await signUp();
    b = await signUp();
  }, 60_000);

  afterAll(async () => {
    await g?.close();
  });

  it('invites a new person, who sets a password through the mail and acts with the given roles', async () => {
    const strategist = await inviteAndJoin(['strategist']);
    const me = await api.call('GET', '/api/me', { token: strategist.token });
    expect(me.body).toMatchObject({
      agency: { id: a.agencyId },
      workspaces: [{ id: a.workspaceId, roles: ['strategist'] }],
    });
    expect((await api.call('GET', '/api/echo/goals', { token: strategist.token })).body.roles).toEqual([
      'strategist',
    ]);
    const listed = await api.call('GET', '/api/members', { token: a.token });
    expect(listed.body.items.map((m) => m.id)).toEqual(expect.arrayContaining([a.userId, strategist.id]));
  });

  it('lets only member:manage invite or change roles, and member:read list', async () => {
    const strategist = await inviteAndJoin(['strategist']);
    const approver = await inviteAndJoin(['client-approver']);
    expect((await api.call('GET', '/api/members', { token: strategist.token })).status).toBe(200);
    expect((await api.call('GET', '/api/members', { token: approver.token })).status).toBe(403);
    const invite = await api.call('POST', '/api/members', {
      token: strategist.token,
      body: { email: `x-${unique()}@example.test`, name: 'X', roles: ['admin'] },
    });
    expect(invite.status).toBe(403);
    expect(
      (
        await api.call('PUT', `/api/members/${strategist.id}/roles`, {
          token: strategist.token,
          body: { roles: ['admin'] },
        })
      ).status,
    ).toBe(403);
  });

  it('changes roles, effective at the next request, and holds several at once', async () => {
    const member = await inviteAndJoin(['strategist']);
    const changed = await api.call('PUT', `/api/members/${member.id}/roles`, {
      token: a.token,
      body: { roles: ['analyst', 'designer', 'analyst'] },
    });
    expect(changed.status).toBe(204);
    expect((await api.call('GET', '/api/echo/x', { token: member.token })).body.roles).toEqual([
      'analyst',
      'designer',
    ]);
    expect((await api.call('DELETE', `/api/members/${member.id}`, { token: a.token })).status).toBe(204);
    const gone = await api.call('GET', '/api/echo/x', { token: member.token });
    expect(gone.status).toBe(400); // a member of no workspace must choose one: there is none to choose
  });

  it('keeps one admin in every workspace', async () => {
    const own = await api.call('PUT', `/api/members/${a.userId}/roles`, {
      token: a.token,
      body: { roles: ['analyst'] },
    });
    expect(own.status).toBe(409);
    expect(own.body.message).toContain('at least one admin');
    expect((await api.call('DELETE', `/api/members/${a.userId}`, { token: a.token })).status).toBe(409);
  });

  it("answers 404 for another agency's member and 403 for its workspace", async () => {
    const member = await inviteAndJoin(['analyst']);
    const fromB = await api.call('PUT', `/api/members/${member.id}/roles`, {
      token: b.token,
      body: { roles: ['admin'] },
    });
    expect(fromB.status).toBe(404);
    expect((await api.call('DELETE', `/api/members/${member.id}`, { token: b.token })).status).toBe(404);
    const inA = await api.call('GET', '/api/members', {
      token: b.token,
      headers: { 'x-chorus-workspace': a.workspaceId },
    });
    expect(inA.status).toBe(403);
    const listB = await api.call('GET', '/api/members', { token: b.token });
    expect(listB.body.items.map((m) => m.id)).toEqual([b.userId]);
    // Still the analyst it was: nothing crossed.
    expect((await api.call('GET', '/api/echo/x', { token: member.token })).body.roles).toEqual(['analyst']);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = (await api.call('GET', '/api/members', { token: a.token })).body.items.length;
    const cases: [unknown, string][] = [
      [{ email: 'not-an-email', name: 'X', roles: ['analyst'] }, 'email'],
      [{ email: `y-${unique()}@example.test`, name: 'X', roles: [] }, 'roles'],
      [{ email: `y-${unique()}@example.test`, name: 'X', roles: ['wizard'] }, 'roles.0'],
      [{ email: `y-${unique()}@example.test`, name: ' ', roles: ['analyst'] }, 'name'],
      [{ email: `y-${unique()}@example.test`, name: 'X', roles: ['analyst'], admin: true }, 'body'],
    ];
    for (const [body, field] of cases) {
      const answer = await api.call('POST', '/api/members', { token: a.token, body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.problems.map((p) => p.field)).toContain(field);
    }
    expect(
      (
        await api.call('PUT', '/api/members/not-a-uuid/roles', {
          token: a.token,
          body: { roles: ['analyst'] },
        })
      ).status,
    ).toBe(400);
    expect((await api.call('GET', '/api/members', { token: a.token })).body.items.length).toBe(before);
  });

  it('refuses to invite an existing member again, and answers an address of another agency like a new one', async () => {
    const member = await inviteAndJoin(['analyst']);
    const again = await api.call('POST', '/api/members', {
      token: a.token,
      body: { email: member.email, name: 'Again', roles: ['designer'] },
    });
    expect(again.status).toBe(409);
    // An admin must not learn who has an account elsewhere (ADR 0017): the answer of a new address, and the
    // address's owner hears of it instead; their account is untouched.
    const fresh = await api.call('POST', '/api/members', {
      token: a.token,
      body: { email: `fresh-${unique()}@example.test`, name: 'F', roles: ['designer'] },
    });
    const foreign = await api.call('POST', '/api/members', {
      token: a.token,
      body: { email: b.email, name: 'B', roles: ['designer'] },
    });
    expect([fresh.status, foreign.status]).toEqual([201, 201]);
    expect(Object.keys(foreign.body).sort()).toEqual(Object.keys(fresh.body).sort());
    expect(foreign.body.newAccount).toBe(true);
    expect(await latestMailTo(g.gateway, b.email)).toContain('in another agency than yours');
    const bMe = await api.call('GET', '/api/me', { token: b.token });
    expect(bMe.body).toMatchObject({ agency: { id: b.agencyId }, workspaces: [{ id: b.workspaceId }] });
  });

  it('creates a workspace whose creator is admin, after which requests name their workspace', async () => {
    const c = await signUp();
    const created = await api.call('POST', '/api/workspaces', {
      token: c.token,
      body: { name: 'Second brand' },
    });
    expect(created.status).toBe(201);
    const me = await api.call('GET', '/api/me', { token: c.token });
    expect(me.body.workspaces).toEqual([
      { id: c.workspaceId, name: 'Brand', roles: ['admin'] },
      { id: created.body.id, name: 'Second brand', roles: ['admin'] },
    ]);
    expect((await api.call('GET', '/api/members', { token: c.token })).status).toBe(400);
    const inSecond = await api.call('GET', '/api/members', {
      token: c.token,
      headers: { 'x-chorus-workspace': created.body.id },
    });
    expect(inSecond.body.items.map((m) => m.id)).toEqual([c.userId]);
    expect(
      (
        await api.call('POST', '/api/workspaces', {
          token: c.token,
          headers: { 'x-chorus-workspace': created.body.id },
          body: { name: '' },
        })
      ).status,
    ).toBe(400);
  });
});
