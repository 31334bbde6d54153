import { z, type Credentials, type MediaInput } from '@chorus/connector-sdk';
import { idResponse, waitForContainer } from '@chorus/meta-graph';
import { NETWORK, type ThreadsDeps } from '../threads-deps.js';

const status = z.object({
  id: z.string(),
  status: z.enum(['IN_PROGRESS', 'FINISHED', 'PUBLISHED', 'ERROR', 'EXPIRED']),
  error_message: z.string().optional(),
});

export interface ThreadsContainer {
  readonly text?: string;
  readonly media?: MediaInput;
  readonly carouselItem?: boolean;
  readonly children?: readonly string[];
  readonly replyToId?: string;
  readonly link?: string;
  readonly replyControl?: string;
  readonly topicTag?: string;
}

/** POST /{user}/threads, then polled until FINISHED (4.2); media comes by public URL. */
export async function createReadyContainer(
  deps: ThreadsDeps,
  credentials: Credentials,
  spec: ThreadsContainer,
): Promise<string> {
  const media = spec.media;
  const mediaType = spec.children
    ? 'CAROUSEL'
    : media
      ? media.kind === 'video'
        ? 'VIDEO'
        : 'IMAGE'
      : 'TEXT';
  const url = media?.source.kind === 'url' ? media.source.url : undefined;
  const created = await deps.graph(credentials).call(
    {
      operation: 'publish',
      endpoint: 'threads.create',
      method: 'POST',
      path: `/${credentials.accountId}/threads`,
      form: {
        media_type: mediaType,
        text: spec.carouselItem ? undefined : spec.text,
        image_url: media?.kind === 'image' ? url : undefined,
        video_url: media?.kind === 'video' ? url : undefined,
        alt_text: media?.altText,
        is_carousel_item: spec.carouselItem ? 'true' : undefined,
        children: spec.children?.join(','),
        reply_to_id: spec.replyToId,
        link_attachment: spec.link,
        reply_control: spec.replyToId ? undefined : spec.replyControl,
        topic_tag: spec.replyToId ? undefined : spec.topicTag,
      },
    },
    idResponse,
  );
  await waitForContainer(
    async () => {
      const found = await deps.graph(credentials).call(
        {
          operation: 'publish',
          endpoint: 'threads.status',
          path: `/${created.id}`,
          query: { fields: 'id,status,error_message' },
        },
        status,
      );
      return { state: found.status, detail: found.error_message };
    },
    {
      clock: deps.context.clock,
      intervalMs: deps.config.containerPollIntervalMs,
      timeoutMs: deps.config.containerTimeoutMs,
      network: NETWORK,
    },
  );
  return created.id;
}
