import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from './support/http-client.js';
import { startGatewayOnPostgres, type GatewayOnPostgres } from './support/gateway-on-postgres.js';
import { mailedToken } from './support/machine-mailbox.js';
import { signUpAndSignIn } from './support/sign-up.js';

// ADR 0018 on the real PostgreSQL: a workspace admin runs one brand, not the agency. Mail is read by its
// recipient only; agency-wide webhooks, audit rows and new workspaces need an agency role; webhook URLs must
// point at public addresses.

const PASSWORD = 'correct horse battery';
const unique = () => `${Date.now()}-${Math.random().toString(16).slice(2, 8)}`;

interface Person {
  token: string;
  userId: string;
  email: string;
}

describe('agency-level scoping (PostgreSQL)', () => {
  let g: GatewayOnPostgres;
  let api: HttpClient;
  let owner: Person & { agencyId: string; workspaceId: string };
  /** Admin of the first workspace only: no agency role. */
  let brandAdmin: Person;
  let secondWorkspaceId: string;
  /** Admin of the second workspace only. */
  let otherBrandAdmin: Person;

  const invite = async (roles: string[], workspaceId: string): Promise<Person> => {
    const email = `member-${unique()}@example.test`;
    const invited = await api.call('POST', '/api/members', {
      token: owner.token,
      headers: { 'x-chorus-workspace': workspaceId },
      body: { email, name: 'Member', roles },
    });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    const token = await mailedToken(g.gateway, email);
    const accepted = await api.call('POST', '/api/auth/password-reset/complete', {
      body: { token, password: PASSWORD },
    });
    expect(accepted.status).toBe(204);
    const signIn = await api.call('POST', '/api/auth/sign-in', { body: { email, password: PASSWORD } });
    expect(signIn.status).toBe(200);
    return { token: signIn.body.token, userId: invited.body.memberId as string, email };
  };

  beforeAll(async () => {
    g = await startGatewayOnPostgres();
    api = new HttpClient(g.url);
    const email = `owner-${unique()}@example.test`;
    const signUp = await signUpAndSignIn(api, {
      body: { agencyName: 'Agency', workspaceName: 'Brand', name: 'Olga', email, password: PASSWORD },
    });
    expect(signUp.status).toBe(201);
    owner = { ...(signUp.body as unknown as typeof owner), email };
    const second = await api.call('POST', '/api/workspaces', {
      token: owner.token,
      body: { name: 'Brand 2' },
    });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    secondWorkspaceId = second.body.id;
    brandAdmin = await invite(['admin'], owner.workspaceId);
    otherBrandAdmin = await invite(['admin'], secondWorkspaceId);
  }, 60_000);

  afterAll(async () => {
    await g?.close();
  });

  it("shows a workspace admin none of another person's mail, and the owner no body but their own", async () => {
    const asBrandAdmin = await api.call('GET', '/api/mail-outbox?limit=200', { token: brandAdmin.token });
    expect(asBrandAdmin.status).toBe(200);
    // Only their own invitation: never the other admin's link (an account takeover).
    expect(asBrandAdmin.body.items.map((m) => m.to)).toEqual([brandAdmin.email]);
    expect(asBrandAdmin.body.items[0]!.text).toContain('#token=chorus_r_');

    const asOwner = await api.call('GET', '/api/mail-outbox?limit=200', { token: owner.token });
    const toOthers = asOwner.body.items.filter((m) => m.to !== owner.email);
    expect(toOthers.map((m) => m.to).sort()).toEqual([brandAdmin.email, otherBrandAdmin.email].sort());
    expect(toOthers.every((m) => m.text === null)).toBe(true);
    expect(JSON.stringify(asOwner.body)).not.toContain('chorus_r_');
  });

  it("lets the owner see their own reset mail, and lets any member read only what's theirs", async () => {
    const reset = await api.call('POST', '/api/auth/password-reset', { body: { email: owner.email } });
    expect(reset.status).toBe(202);
    const asOwner = await api.call('GET', '/api/mail-outbox', { token: owner.token });
    const own = asOwner.body.items.find((m) => m.to === owner.email);
    expect(own?.text).toContain('#token=chorus_r_');
    const asBrandAdmin = await api.call('GET', '/api/mail-outbox?limit=200', { token: brandAdmin.token });
    expect(asBrandAdmin.body.items.some((m) => m.to === owner.email)).toBe(false);
  });

  it('refuses new workspaces to a workspace admin (agency-level), and allows them to the owner', async () => {
    const refused = await api.call('POST', '/api/workspaces', {
      token: brandAdmin.token,
      body: { name: 'Rogue brand' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/agency role/);
    const byOwner = await api.call('POST', '/api/workspaces', {
      token: owner.token,
      body: { name: 'Brand 3' },
    });
    expect(byOwner.status).toBe(201);
  });

  it("keeps agency-wide webhooks from workspace admins and each workspace's webhooks to itself", async () => {
    const agencyWide = await api.call('POST', '/api/notification-webhooks', {
      token: owner.token,
      headers: { 'x-chorus-workspace': owner.workspaceId },
      body: { url: 'https://hooks.example.test/agency', kinds: ['post-failed'], scope: 'agency' },
    });
    expect(agencyWide.status, JSON.stringify(agencyWide.body)).toBe(201);
    expect(agencyWide.body.scope).toBe('agency');

    const notAllowed = await api.call('POST', '/api/notification-webhooks', {
      token: brandAdmin.token,
      body: { url: 'https://hooks.example.test/mine', kinds: [], scope: 'agency' },
    });
    expect(notAllowed.status).toBe(403);

    const brandHook = await api.call('POST', '/api/notification-webhooks', {
      token: brandAdmin.token,
      body: { url: 'https://hooks.example.test/brand', kinds: [] },
    });
    expect(brandHook.status).toBe(201);
    expect(brandHook.body.scope).toBe('workspace');

    const seenByBrandAdmin = await api.call('GET', '/api/notification-webhooks', { token: brandAdmin.token });
    expect(seenByBrandAdmin.body.items.map((w) => w.id)).toEqual([brandHook.body.id]);
    const seenByOther = await api.call('GET', '/api/notification-webhooks', { token: otherBrandAdmin.token });
    expect(seenByOther.body.items).toEqual([]);
    const seenByOwner = await api.call('GET', '/api/notification-webhooks', {
      token: owner.token,
      headers: { 'x-chorus-workspace': owner.workspaceId },
    });
    expect(seenByOwner.body.items.map((w) => w.id).sort()).toEqual(
      [agencyWide.body.id, brandHook.body.id].sort(),
    );

    // Another workspace's webhook, or an agency-wide one, is not there for them: 404, and it stays.
    for (const [token, id] of [
      [brandAdmin.token, agencyWide.body.id],
      [otherBrandAdmin.token, brandHook.body.id],
    ] as const) {
      expect((await api.call('DELETE', `/api/notification-webhooks/${id}`, { token })).status).toBe(404);
      expect((await api.call('GET', `/api/notification-webhooks/${id}/deliveries`, { token })).status).toBe(
        404,
      );
    }
    expect(
      (await api.call('GET', '/api/notification-webhooks', { token: brandAdmin.token })).body.items,
    ).toHaveLength(1);
  });

  it("shows a workspace admin their workspace's audit rows only, the owner the agency-wide ones too", async () => {
    const asBrandAdmin = await api.call('GET', '/api/audit-log?limit=200', { token: brandAdmin.token });
    expect(asBrandAdmin.status).toBe(200);
    const items = asBrandAdmin.body.items as unknown as { workspaceId: string | null; action: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((e) => e.workspaceId === owner.workspaceId)).toBe(true);

    const asOwner = await api.call('GET', '/api/audit-log?limit=200', {
      token: owner.token,
      headers: { 'x-chorus-workspace': owner.workspaceId },
    });
    const ownerItems = asOwner.body.items as unknown as { workspaceId: string | null; action: string }[];
    // Sign-ins are agency-wide rows.
    expect(ownerItems.some((e) => e.workspaceId === null && e.action === 'member.signed-in')).toBe(true);
  });

  it.each([
    'https://169.254.169.254/latest/meta-data',
    'https://127.0.0.1/hook',
    'https://[::1]/hook',
    'https://localhost/hook',
    'https://10.0.0.5/hook',
    'https://2130706433/hook',
  ])('refuses a webhook to %s with a 400 naming the url', async (url) => {
    const answer = await api.call('POST', '/api/notification-webhooks', {
      token: brandAdmin.token,
      body: { url, kinds: [] },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.problems).toEqual([
      { field: 'url', problem: expect.stringMatching(/public address/) as unknown },
    ]);
  });
});
