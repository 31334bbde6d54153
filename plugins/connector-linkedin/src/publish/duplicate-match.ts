import { z, type PostInput } from '@chorus/connector-sdk';
import { linkedinPostSettingsSchema } from '../config.js';

/** What `GET /rest/posts/{urn}` tells about the post a DUPLICATE_POST names (6.3 content shapes). */
export const existingPost = z.object({
  id: z.string(),
  author: z.string(),
  commentary: z.string().optional(),
  createdAt: z.number().optional(),
  content: z
    .object({
      media: z.object({ id: z.string().optional() }).optional(),
      multiImage: z.object({ images: z.array(z.unknown()) }).optional(),
      article: z.object({ source: z.string().optional() }).optional(),
      poll: z
        .object({
          question: z.string().optional(),
          options: z.array(z.object({ text: z.string().optional() })).optional(),
        })
        .optional(),
    })
    .optional(),
});

export type ExistingPost = z.output<typeof existingPost>;

/** The shape of a post's content, comparable between what we send and what LinkedIn holds. */
interface ContentShape {
  readonly kind: 'text' | 'media' | 'multiImage' | 'article' | 'poll';
  readonly mediaCount: number;
  readonly articleSource: string | null;
  readonly poll: string | null;
}

function inputShape(post: PostInput): ContentShape {
  const media = post.media?.length ?? 0;
  if (media > 0) {
    return { kind: media === 1 ? 'media' : 'multiImage', mediaCount: media, articleSource: null, poll: null };
  }
  if (post.poll) {
    const question = linkedinPostSettingsSchema.parse(post.settings ?? {}).pollQuestion ?? post.text;
    return {
      kind: 'poll',
      mediaCount: 0,
      articleSource: null,
      poll: JSON.stringify([question, post.poll.options]),
    };
  }
  if (post.link) {
    return { kind: 'article', mediaCount: 0, articleSource: post.link.url, poll: null };
  }
  return { kind: 'text', mediaCount: 0, articleSource: null, poll: null };
}

function existingShape(post: ExistingPost): ContentShape {
  const content = post.content ?? {};
  if (content.multiImage) {
    return {
      kind: 'multiImage',
      mediaCount: content.multiImage.images.length,
      articleSource: null,
      poll: null,
    };
  }
  if (content.media) {
    return { kind: 'media', mediaCount: 1, articleSource: null, poll: null };
  }
  if (content.poll) {
    const options = (content.poll.options ?? []).map((option) => option.text ?? '');
    return {
      kind: 'poll',
      mediaCount: 0,
      articleSource: null,
      poll: JSON.stringify([content.poll.question, options]),
    };
  }
  if (content.article) {
    return { kind: 'article', mediaCount: 0, articleSource: content.article.source ?? null, poll: null };
  }
  return { kind: 'text', mediaCount: 0, articleSource: null, poll: null };
}

/**
 * Why the post LinkedIn calls a duplicate is not the one an earlier attempt of this publish created, or null when
 * it is: LinkedIn compares the commentary only, so an older post, or one with other media, a different link or
 * poll, is a different post (6.7).
 */
export function duplicateMismatch(
  existing: ExistingPost,
  expected: { readonly author: string; readonly commentary: string; readonly post: PostInput },
  recentSince: number,
): string | null {
  if (existing.author !== expected.author) {
    return 'it belongs to another author';
  }
  if (existing.commentary !== expected.commentary) {
    return 'its text differs';
  }
  if (existing.createdAt === undefined || existing.createdAt < recentSince) {
    return 'it was created before this publish could have created it';
  }
  const want = inputShape(expected.post);
  const have = existingShape(existing);
  if (want.kind !== have.kind) {
    return `it holds ${have.kind} content, this post ${want.kind}`;
  }
  if (want.mediaCount !== have.mediaCount) {
    return `it has ${have.mediaCount} media items, this post ${want.mediaCount}`;
  }
  if (want.articleSource !== have.articleSource) {
    return `it links to ${have.articleSource ?? 'nothing'}`;
  }
  if (want.poll !== have.poll) {
    return 'its poll differs';
  }
  return null;
}
