import type { Credentials, PostInput } from '@chorus/connector-sdk';
import { submitted } from '../api/reddit-schemas.js';
import type { RedditPostSettings } from '../config.js';
import type { RedditDeps } from '../reddit-deps.js';
import type { UploadedAsset } from './media-uploader.js';
import type { SubmissionKind } from './submission-kind.js';

export interface Submission {
  readonly sr: string;
  readonly kind: SubmissionKind;
  readonly post: PostInput;
  readonly settings: RedditPostSettings;
  /** The uploaded files: one for image and video posts, one per item for a gallery. */
  readonly assets: readonly UploadedAsset[];
  readonly poster?: UploadedAsset;
}

/** Created at once (self, link, gallery), or accepted while Reddit processes the media (image, video). */
export type SubmitOutcome =
  | { readonly status: 'created'; readonly name: string; readonly url: string | undefined }
  | { readonly status: 'processing' };

const flag = (value: boolean | undefined) => (value === undefined ? undefined : String(value));

/** `POST /api/submit` for self, link, image, video and videogif posts; `submit_gallery_post.json` for galleries (12.2). */
export async function submit(
  deps: RedditDeps,
  credentials: Credentials,
  submission: Submission,
): Promise<SubmitOutcome> {
  const { sr, kind, post, settings, assets } = submission;
  const common = {
    sr,
    title: settings.title ?? '',
    nsfw: settings.nsfw ?? false,
    spoiler: settings.spoiler ?? false,
    sendreplies: settings.sendReplies,
    flair_id: settings.flairId,
    flair_text: settings.flairText,
    api_type: 'json',
  };
  const request = {
    operation: 'publish' as const,
    method: 'POST' as const,
    credentials,
    scope: 'submit',
    forbidden: 'refused' as const,
  };
  if (kind === 'gallery') {
    const answer = await deps.api.call(
      {
        ...request,
        endpoint: 'submit.gallery',
        path: '/api/submit_gallery_post.json',
        json: {
          ...common,
          items: assets.map((asset, index) => ({
            media_id: asset.assetId,
            caption: post.media?.[index]?.altText ?? '',
            outbound_url: '',
          })),
        },
      },
      submitted,
    );
    return outcome(answer.json.data);
  }
  const answer = await deps.api.call(
    {
      ...request,
      endpoint: 'submit',
      path: '/api/submit',
      form: {
        ...common,
        nsfw: flag(common.nsfw),
        spoiler: flag(common.spoiler),
        sendreplies: flag(common.sendreplies),
        kind,
        text: kind === 'self' ? post.text : undefined,
        url: kind === 'link' ? post.link?.url : assets[0]?.url,
        video_poster_url: kind === 'video' ? submission.poster?.url : undefined,
        // Reddit's own duplicate protection: a link already in the subreddit is refused (ALREADY_SUB).
        resubmit: kind === 'link' ? flag(settings.allowResubmit) : undefined,
        raw_json: '1',
      },
    },
    submitted,
  );
  return outcome(answer.json.data);
}

function outcome(data: { name?: string; id?: string; url?: string }): SubmitOutcome {
  const id = data.id?.replace(/^t3_/u, '');
  const name = data.name ?? (id ? `t3_${id}` : undefined);
  return name ? { status: 'created', name, url: data.url } : { status: 'processing' };
}
