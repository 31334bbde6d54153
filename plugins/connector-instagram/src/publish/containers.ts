import { InvalidContentError, z, type Credentials, type MediaInput } from '@chorus/connector-sdk';
import { idResponse, waitForContainer } from '@chorus/meta-graph';
import { NETWORK, type InstagramDeps } from '../instagram-deps.js';

const status = z.object({
  id: z.string(),
  status_code: z.enum(['IN_PROGRESS', 'FINISHED', 'PUBLISHED', 'ERROR', 'EXPIRED']),
  status: z.string().optional(),
});

export interface ContainerSpec {
  readonly media?: MediaInput;
  readonly mediaType?: 'REELS' | 'STORIES' | 'CAROUSEL' | 'VIDEO';
  readonly caption?: string;
  readonly carouselItem?: boolean;
  readonly children?: readonly string[];
  readonly shareToFeed?: boolean;
}

/**
 * Step 1 of 3.2: a container. Media comes by public URL; video bytes go through a resumable upload to the
 * rupload host. Containers are invisible until published, so creating another after a failure is safe.
 */
export async function createContainer(
  deps: InstagramDeps,
  credentials: Credentials,
  spec: ContainerSpec,
): Promise<string> {
  const { media } = spec;
  const fields: Record<string, string | undefined> = {
    media_type: spec.mediaType,
    caption: spec.carouselItem ? undefined : spec.caption,
    is_carousel_item: spec.carouselItem ? 'true' : undefined,
    children: spec.children?.join(','),
    share_to_feed:
      spec.mediaType === 'REELS' && spec.shareToFeed !== undefined ? String(spec.shareToFeed) : undefined,
    alt_text: media?.kind === 'image' && spec.mediaType !== 'STORIES' ? media.altText : undefined,
  };
  const bytes = media?.source.kind === 'bytes' ? media.source.data : undefined;
  if (media && media.source.kind === 'url') {
    fields[media.kind === 'image' ? 'image_url' : 'video_url'] = media.source.url;
  } else if (media && media.kind === 'image') {
    throw new InvalidContentError(`${NETWORK} fetches photos from a public URL; this photo has only bytes.`, [
      { path: ['media'], code: 'instagram:public-url-required', message: 'Give the photo a public URL.' },
    ]);
  } else if (bytes) {
    fields.upload_type = 'resumable';
  }
  const created = await deps.graph(credentials).call(
    {
      operation: 'publish',
      endpoint: 'media.create',
      method: 'POST',
      path: `/${credentials.accountId}/media`,
      form: fields,
    },
    idResponse,
  );
  if (bytes) {
    await deps.graph(credentials).call(
      {
        operation: 'publish',
        endpoint: 'media.upload',
        method: 'POST',
        path: `/ig-api-upload/${created.id}`,
        url: new URL(
          `/ig-api-upload/${deps.config.apiVersion}/${created.id}`,
          deps.config.ruploadUrl,
        ).toString(),
        headers: {
          authorization: `OAuth ${credentials.accessToken}`,
          offset: '0',
          file_size: String(bytes.byteLength),
        },
        binary: bytes,
      },
      z.object({ success: z.literal(true) }),
    );
  }
  return created.id;
}

/** Step 2: poll `status_code` until FINISHED (or PUBLISHED, when a previous attempt already published it). */
export function waitUntilReady(
  deps: InstagramDeps,
  credentials: Credentials,
  containerId: string,
): Promise<'FINISHED' | 'PUBLISHED'> {
  return waitForContainer(
    async () => {
      const found = await readContainer(deps, credentials, containerId);
      return { state: found.status_code, detail: found.status };
    },
    {
      clock: deps.context.clock,
      intervalMs: deps.config.containerPollIntervalMs,
      timeoutMs: deps.config.containerTimeoutMs,
      network: NETWORK,
    },
  );
}

export function readContainer(deps: InstagramDeps, credentials: Credentials, containerId: string) {
  return deps.graph(credentials).call(
    {
      operation: 'publish',
      endpoint: 'media.status',
      path: `/${containerId}`,
      query: { fields: 'id,status_code,status' },
    },
    status,
  );
}
