import type { ContentProblem } from '../../domain/content.errors.js';
import type { PostProps } from '../../domain/post.aggregate.js';
import type { MediaRef } from '../../domain/post-content.value-object.js';
import type { MediaAsset, MediaDerivative } from './media-asset.value-object.js';

/** A media item as a writer names it: the library id, and optionally an alt text for this use only. */
export interface MediaChoice {
  readonly mediaId: string;
  readonly altText?: string | null;
}

export interface ThreadOf<M> {
  readonly text: string;
  readonly media: readonly M[];
}

/** The parts of a post that hold media: the master's media and thread, each target's media and thread. */
export interface MediaHolder<M> {
  readonly media: readonly M[];
  readonly thread: readonly ThreadOf<M>[];
  readonly targets: readonly {
    readonly media: readonly M[] | null;
    readonly thread: readonly ThreadOf<M>[] | null;
  }[];
}

type Mapped<H extends MediaHolder<unknown>, B> = Omit<H, 'media' | 'thread' | 'targets'> & {
  readonly media: B[];
  readonly thread: ThreadOf<B>[];
  readonly targets: (Omit<H['targets'][number], 'media' | 'thread'> & {
    readonly media: B[] | null;
    readonly thread: ThreadOf<B>[] | null;
  })[];
};

/**
 * Every media item of a post, replaced by `map` (given the dotted field path the API reports problems on, and
 * the index of the target it belongs to, or null for the master's).
 */
export function mapPostMedia<A, B, H extends MediaHolder<A>>(
  holder: H,
  map: (item: A, field: string, targetIndex: number | null) => B,
): Mapped<H, B> {
  const thread = (items: readonly ThreadOf<A>[], prefix: string, target: number | null) =>
    items.map((item, i) => ({
      text: item.text,
      media: item.media.map((m, j) => map(m, `${prefix}thread.${i}.media.${j}`, target)),
    }));
  return {
    ...holder,
    media: holder.media.map((m, i) => map(m, `media.${i}`, null)),
    thread: thread(holder.thread, '', null),
    targets: holder.targets.map((t, ti) => ({
      ...t,
      media: t.media === null ? null : t.media.map((m, i) => map(m, `targets.${ti}.media.${i}`, ti)),
      thread: t.thread === null ? null : thread(t.thread, `targets.${ti}.`, ti),
    })),
  } as Mapped<H, B>;
}

/** The library ids a post uses, once each. */
export function mediaIdsOf(holder: MediaHolder<{ readonly mediaId: string }>): string[] {
  const ids = new Set<string>();
  mapPostMedia(holder, (m: { readonly mediaId: string }) => ids.add(m.mediaId));
  return [...ids];
}

/** What a library asset looks like attached to a post: its probed facts, a URL, the writer's alt text. */
export type RefOf = (
  asset: MediaAsset,
  derivative: MediaDerivative | null,
  altText: string | null,
) => MediaRef;

/**
 * Writer's choices -> media references with the library's facts (never the client's). Ids that are not in the
 * workspace's library are problems, on their field.
 */
export function attachLibraryMedia<H extends MediaHolder<MediaChoice>>(
  holder: H,
  assets: ReadonlyMap<string, MediaAsset>,
  refOf: RefOf,
): { holder: Mapped<H, MediaRef>; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const mapped = mapPostMedia(holder, (choice: MediaChoice, field) => {
    const asset = assets.get(choice.mediaId);
    if (asset === undefined) {
      problems.push({
        field: `${field}.mediaId`,
        problem: `no media ${choice.mediaId} in this workspace's library; upload the file with POST /media first`,
      });
      return missing(choice);
    }
    return refOf(asset, null, choice.altText ?? asset.altText);
  });
  return { holder: mapped, problems };
}

/**
 * A post's media as it will be sent, from the library as it is now: fresh facts and URLs, and on each target
 * the derivative made for its network where there is one (the target then holds its media explicitly).
 */
export function refreshPostMedia(
  post: PostProps,
  networks: readonly (string | null)[],
  assets: ReadonlyMap<string, MediaAsset>,
  refOf: RefOf,
): { post: PostProps; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const fresh = (ref: MediaRef, field: string, network: string | null): MediaRef => {
    const asset = assets.get(ref.mediaId);
    if (asset === undefined) {
      if (!problems.some((p) => p.field === `${field}.mediaId`)) {
        problems.push({
          field: `${field}.mediaId`,
          problem: `media ${ref.mediaId} is no longer in this workspace's library; choose another file`,
        });
      }
      return ref;
    }
    const derivative =
      network === null ? null : (asset.derivatives.find((d) => d.network === network) ?? null);
    return refOf(asset, derivative, ref.altText ?? asset.altText);
  };
  const master = mapPostMedia(
    { media: post.master.media, thread: post.master.thread, targets: [] },
    (ref: MediaRef, field) => fresh(ref, field, null),
  );
  const targets = post.targets.map((target, index) => {
    const network = networks[index] ?? null;
    const own = mapPostMedia(
      { media: target.media ?? post.master.media, thread: target.thread ?? post.master.thread, targets: [] },
      (ref: MediaRef, field) =>
        fresh(ref, target.media === null ? field : `targets.${index}.${field}`, network),
    );
    const same = (a: readonly MediaRef[], b: readonly MediaRef[]) =>
      a.length === b.length && a.every((ref, i) => ref.url === b[i]!.url);
    const mediaDiffers = !same(own.media, master.media);
    const threadDiffers = own.thread.some((item, i) => !same(item.media, master.thread[i]?.media ?? []));
    return {
      ...target,
      media: target.media !== null || mediaDiffers ? own.media : null,
      thread: target.thread !== null || threadDiffers ? own.thread : null,
    };
  });
  return {
    post: { ...post, master: { ...post.master, media: master.media, thread: master.thread }, targets },
    problems,
  };
}

function missing(choice: MediaChoice): MediaRef {
  return {
    mediaId: choice.mediaId,
    kind: 'image',
    mimeType: 'application/octet-stream',
    url: 'about:blank',
    sizeBytes: null,
    width: null,
    height: null,
    durationSeconds: null,
    altText: null,
  };
}
