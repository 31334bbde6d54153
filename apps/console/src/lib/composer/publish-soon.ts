import { problemsOf } from './compose-request';

/**
 * How far ahead "Publish now" schedules, attempt after attempt. The API takes only instants still to come
 * (POST /posts/{id}/schedule refuses a past `publishAt`) and offers no "now" of its own, so the first attempt
 * leaves time for the request; the later ones cover a slow server and a device clock behind the server's.
 */
export const PUBLISH_SOON_LEADS_MS: readonly number[] = [5_000, 15_000, 45_000];

/** What an API call answers (openapi-fetch's result shape). */
export interface Answer {
  readonly response: Response;
  readonly error?: unknown;
}

/**
 * Schedules a post "now": a few seconds ahead. When the API still finds that instant past, tries again further
 * ahead, counting from the later of this device's clock and the server's (the answer's `Date` header, which
 * drops the milliseconds: one second is added). Any other answer is returned as it is.
 */
export async function scheduleSoon<A extends Answer>(
  schedule: (publishAt: string) => Promise<A>,
  now: () => number = Date.now,
): Promise<A> {
  let serverAhead = 0;
  let answer: A | undefined;
  for (const lead of PUBLISH_SOON_LEADS_MS) {
    answer = await schedule(new Date(now() + serverAhead + lead).toISOString());
    if (!tooEarly(answer)) {
      return answer;
    }
    const serverNow = Date.parse(answer.response.headers.get('date') ?? '');
    if (!Number.isNaN(serverNow)) {
      serverAhead = Math.max(0, serverNow + 1000 - now());
    }
  }
  return answer!;
}

/** Refused only because the instant is not ahead any more (the schedule's sole check on `publishAt`). */
function tooEarly(answer: Answer): boolean {
  const problems = problemsOf(answer.error);
  return (
    answer.response.status === 400 &&
    problems.length > 0 &&
    problems.every((problem) => problem.field === 'publishAt')
  );
}
