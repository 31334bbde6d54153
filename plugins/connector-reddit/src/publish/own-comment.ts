import { normaliseText, type ConnectorOperation, type Credentials } from '@chorus/connector-sdk';
import { commentsPage, moreChildren, type Thing } from '../api/reddit-schemas.js';
import { permalinkUrl, type RedditDeps } from '../reddit-deps.js';

// /api/morechildren takes at most 100 ids per call.
const MORE_BATCH = 100;
const MAX_MORE_CALLS = 5;

/**
 * The top-level comments under a post, oldest first (`GET /comments/{article}`, 12.3), with the `more` nodes
 * Reddit leaves out of the tree expanded by `GET /api/morechildren`.
 */
export async function topLevelComments(
  deps: RedditDeps,
  credentials: Credentials,
  postName: string,
  operation: ConnectorOperation,
): Promise<Thing[]> {
  const request = { operation, credentials, scope: 'read' } as const;
  const [, tree] = await deps.api.call(
    {
      ...request,
      endpoint: 'comments.tree',
      path: `/comments/${encodeURIComponent(postName.replace(/^t3_/u, ''))}`,
      query: { sort: 'old', limit: '100', depth: '1', threaded: 'false', raw_json: '1' },
    },
    commentsPage,
  );
  const things: Thing[] = [];
  const hidden: string[] = [];
  for (const child of tree.data.children) {
    if (child.kind === 'more') {
      hidden.push(...child.data.children);
    } else {
      things.push(child);
    }
  }
  for (let call = 0; hidden.length > 0 && call < MAX_MORE_CALLS; call += 1) {
    const batch = hidden.splice(0, MORE_BATCH);
    const answer = await deps.api.call(
      {
        ...request,
        endpoint: 'comments.more',
        path: '/api/morechildren',
        query: { link_id: postName, children: batch.join(','), api_type: 'json', sort: 'old', raw_json: '1' },
      },
      moreChildren,
    );
    for (const child of answer.json.data.things) {
      if (child.kind === 'more') {
        hidden.push(...child.data.children);
      } else {
        things.push(child);
      }
    }
  }
  return things;
}

/** The account's own comment with this text directly under the post, if it is there. */
export async function findOwnComment(
  deps: RedditDeps,
  credentials: Credentials,
  input: { readonly postName: string; readonly username: string; readonly text: string },
) {
  const things = await topLevelComments(deps, credentials, input.postName, 'findPublished');
  const wanted = normaliseText(input.text);
  for (const thing of things) {
    if (
      thing.kind === 't1' &&
      thing.data.author === input.username &&
      thing.data.parent_id === input.postName &&
      normaliseText(thing.data.body) === wanted
    ) {
      return {
        remoteId: thing.data.name,
        url: permalinkUrl(thing.data.permalink ?? `/comments/${input.postName.slice(3)}/_/${thing.data.id}/`),
      };
    }
  }
  return undefined;
}
