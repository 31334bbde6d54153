import { z, type Credentials, type RemotePostRef } from '@chorus/connector-sdk';
import { commentPermalink, encodeUrn } from '../api/urn.js';
import { authorOf, type LinkedinDeps } from '../linkedin-deps.js';

const PAGE_SIZE = 100;
/** A post just adopted holds few comments; past this many we stop looking and post (a duplicate is unlikely). */
const MAX_PAGES = 10;

const commentsPage = z.object({
  elements: z.array(
    z.object({
      id: z.string().optional(),
      commentUrn: z.string().optional(),
      $URN: z.string().optional(),
      actor: z.string().optional(),
      message: z.object({ text: z.string().optional() }).optional(),
      parentComment: z.string().optional(),
    }),
  ),
  paging: z.object({ total: z.number().optional() }).optional(),
});

/**
 * The first-level comment this channel already wrote on the post with this text, if any: an attempt whose
 * answer was lost may have created it (`GET /rest/socialActions/{post}/comments`, 6.4).
 */
export async function findOwnComment(
  deps: LinkedinDeps,
  credentials: Credentials,
  postUrn: string,
  text: string,
  operation: 'publish' | 'findPublished',
): Promise<RemotePostRef | null> {
  const actor = authorOf(credentials);
  const api = deps.api(credentials);
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const start = page * PAGE_SIZE;
    const comments = await api.json(
      {
        operation,
        endpoint: 'comments.read',
        path: `/rest/socialActions/${encodeUrn(postUrn)}/comments?start=${start}&count=${PAGE_SIZE}`,
      },
      (value) => commentsPage.parse(value),
    );
    const mine = comments.elements.find(
      (item) => item.actor === actor && item.message?.text === text && !item.parentComment,
    );
    const urn =
      mine &&
      (mine.commentUrn ?? mine.$URN ?? (mine.id ? `urn:li:comment:(${postUrn},${mine.id})` : undefined));
    if (urn) {
      return { remoteId: urn, url: commentPermalink(postUrn, urn) };
    }
    if (comments.elements.length < PAGE_SIZE) {
      return null;
    }
  }
  return null;
}
