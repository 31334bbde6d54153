import {
  isConnectorError,
  normaliseText,
  z,
  type Credentials,
  type DeleteInput,
  type FindPublishedInput,
  type FindPublishedResult,
} from '@chorus/connector-sdk';
import { collectPages, graphPage, successResponse } from '@chorus/meta-graph';
import type { ThreadsDeps } from '../threads-deps.js';

const threads = graphPage(
  z.object({
    id: z.string(),
    text: z.string().optional(),
    permalink: z.string().optional(),
    timestamp: z.string(),
  }),
);

/** No idempotency key (4.6): the profile's posts in the window, matched by text. */
export async function findPublishedThread(
  deps: ThreadsDeps,
  credentials: Credentials,
  input: FindPublishedInput,
): Promise<FindPublishedResult> {
  const since = Math.floor(Date.parse(input.window.from) / 1000);
  const until = Math.ceil(Date.parse(input.window.to) / 1000);
  const wanted = normaliseText(input.post.text);
  const items = await collectPages(
    (after) =>
      deps.graph(credentials).call(
        {
          operation: 'findPublished',
          endpoint: 'threads.list',
          path: `/${credentials.accountId}/threads`,
          query: { fields: 'id,text,permalink,timestamp', since, until, limit: 50, after },
        },
        threads,
      ),
    4,
  );
  const match = items.find((item) => normaliseText(item.text ?? '') === wanted);
  return match
    ? {
        status: 'found',
        remoteId: match.id,
        url: match.permalink ?? 'https://www.threads.net/',
        publishedAt: new Date(match.timestamp).toISOString(),
      }
    : { status: 'not-found' };
}

/** DELETE /{id} (threads_delete, 100 a day); a post already gone counts as deleted. */
export async function deleteThread(
  deps: ThreadsDeps,
  credentials: Credentials,
  input: DeleteInput,
): Promise<void> {
  try {
    await deps
      .graph(credentials)
      .call(
        { operation: 'delete', endpoint: 'threads.delete', method: 'DELETE', path: `/${input.remoteId}` },
        successResponse,
      );
  } catch (error) {
    const issues = (error as { issues?: { code: string }[] }).issues ?? [];
    if (
      isConnectorError(error) &&
      error.kind === 'invalid-content' &&
      issues.some((issue) => issue.code === 'meta:100/33')
    ) {
      return;
    }
    throw error;
  }
}
