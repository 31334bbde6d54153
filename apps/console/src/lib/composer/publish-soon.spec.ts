import { describe, expect, it } from 'vitest';
import { PUBLISH_SOON_LEADS_MS, scheduleSoon } from './publish-soon';

const NOW = Date.parse('2026-11-27T10:00:00.000Z');

function answer(status: number, body?: unknown, date?: string) {
  const headers = new Headers(date === undefined ? {} : { date });
  return { response: new Response(null, { status, headers }), error: body };
}

const past = {
  message: 'The post cannot be scheduled',
  problems: [{ field: 'publishAt', problem: 'is in the past (now …); pick a later time' }],
};

describe('"Publish now": scheduling a few seconds ahead', () => {
  it('schedules the first lead ahead when the API takes it', async () => {
    const asked: string[] = [];
    const result = await scheduleSoon(
      (at) => (asked.push(at), Promise.resolve(answer(200))),
      () => NOW,
    );
    expect(result.response.status).toBe(200);
    expect(asked).toEqual([new Date(NOW + PUBLISH_SOON_LEADS_MS[0]!).toISOString()]);
  });

  it("tries further ahead, from the server's clock, when the instant was already past there", async () => {
    const asked: string[] = [];
    // The server's clock is 20 s ahead of this device's.
    const serverDate = new Date(NOW + 20_000).toUTCString();
    const result = await scheduleSoon(
      (at) => (
        asked.push(at),
        Promise.resolve(asked.length === 1 ? answer(400, past, serverDate) : answer(200))
      ),
      () => NOW,
    );
    expect(result.response.status).toBe(200);
    expect(asked[1]).toBe(new Date(NOW + 21_000 + PUBLISH_SOON_LEADS_MS[1]!).toISOString());
  });

  it('returns any other refusal at once, and the last one when every lead was too early', async () => {
    let calls = 0;
    const other = { problems: [{ field: 'targets.0.text', problem: 'over 500 characters' }] };
    const refused = await scheduleSoon(
      () => ((calls += 1), Promise.resolve(answer(400, other))),
      () => NOW,
    );
    expect(refused.error).toBe(other);
    expect(calls).toBe(1);

    calls = 0;
    const late = await scheduleSoon(
      () => ((calls += 1), Promise.resolve(answer(400, past))),
      () => NOW,
    );
    expect(late.error).toBe(past);
    expect(calls).toBe(PUBLISH_SOON_LEADS_MS.length);
  });
});
