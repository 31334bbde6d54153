import { describe, expect, it } from 'vitest';
import { createChorusClient } from './chorus-client.js';
import { fieldProblemsOf } from './field-problems.js';

function recordingFetch(seen: Request[], status = 200, body: unknown = {}) {
  return (request: Request): Promise<Response> => {
    seen.push(request);
    return Promise.resolve(
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
    );
  };
}

describe('the typed Chorus client', () => {
  it("calls the gateway's own paths as documented, and each service under its /api/<service> prefix", async () => {
    const seen: Request[] = [];
    const client = createChorusClient({ origin: 'http://chorus.test', fetch: recordingFetch(seen) });
    await client.gateway.GET('/api/me');
    await client.content.GET('/posts/{postId}', { params: { path: { postId: 'p-1' } } });
    await client.content.GET('/calendar', {
      params: { query: { view: 'month', date: '2026-11-27', timeZone: 'Europe/Rome' } },
    });
    expect(seen.map((r) => r.url)).toEqual([
      'http://chorus.test/api/me',
      'http://chorus.test/api/content/posts/p-1',
      'http://chorus.test/api/content/calendar?view=month&date=2026-11-27&timeZone=Europe%2FRome',
    ]);
  });

  it('runs the middleware on every request of every service client', async () => {
    const seen: Request[] = [];
    const client = createChorusClient({
      origin: 'http://chorus.test',
      fetch: recordingFetch(seen),
      middleware: [
        {
          onRequest: ({ request }) => {
            request.headers.set('x-chorus-workspace', 'w-1');
            return request;
          },
        },
      ],
    });
    await client.gateway.POST('/api/workspaces', { body: { name: 'Acme' } });
    await client.strategy.GET('/goals');
    expect(seen.map((r) => r.headers.get('x-chorus-workspace'))).toEqual(['w-1', 'w-1']);
  });

  it("reads a 400's field problems by field, and nothing from other bodies", () => {
    const body = {
      statusCode: 400,
      message: 'Invalid body: password: Too small; email: Invalid email',
      problems: [
        { field: 'password', problem: 'Too small' },
        { field: 'email', problem: 'Invalid email' },
        { field: 'email', problem: 'second problem of the same field' },
      ],
    };
    expect(fieldProblemsOf(body)).toEqual({ password: 'Too small', email: 'Invalid email' });
    expect(fieldProblemsOf({ statusCode: 409, message: 'taken' })).toEqual({});
    expect(fieldProblemsOf(null)).toEqual({});
  });
});
