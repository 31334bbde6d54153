import type { ConnectorOperation, Credentials, RemotePostRef } from '@chorus/connector-sdk';
import { commented } from '../api/reddit-schemas.js';
import { permalinkUrl, type RedditDeps } from '../reddit-deps.js';

/**
 * `POST /api/comment` (12.3): a comment under a post (`t3_`) or a comment (`t1_`), or an answer to a private
 * message (`t4_`); the new thing comes back in `json.data.things[0]`.
 */
export async function postComment(
  deps: RedditDeps,
  credentials: Credentials,
  input: { readonly thingId: string; readonly text: string; readonly operation: ConnectorOperation },
): Promise<RemotePostRef> {
  const answer = await deps.api.call(
    {
      operation: input.operation,
      endpoint: 'comment.create',
      method: 'POST',
      path: '/api/comment',
      credentials,
      scope: input.thingId.startsWith('t4_') ? 'privatemessages' : 'submit',
      forbidden: 'refused',
      form: { thing_id: input.thingId, text: input.text, api_type: 'json', raw_json: '1' },
    },
    commented,
  );
  const thing = answer.json.data.things[0]!;
  const name = thing.data.name;
  const permalink =
    'permalink' in thing.data && typeof thing.data.permalink === 'string' ? thing.data.permalink : undefined;
  return {
    remoteId: name,
    url: permalink ? permalinkUrl(permalink) : `https://www.reddit.com/message/messages/${thing.data.id}`,
  };
}
