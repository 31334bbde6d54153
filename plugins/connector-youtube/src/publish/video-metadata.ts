import type { PostInput } from '@chorus/connector-sdk';
import { youtubePostSettingsSchema, type YoutubePostSettings } from '../config.js';

/** The post's settings with defaults applied (they were validated before publish). */
export function settingsOf(post: PostInput): YoutubePostSettings {
  return youtubePostSettingsSchema.parse(post.settings ?? {});
}

/** The title YouTube gets: the title setting, else the first line of the text. */
export function videoTitle(post: PostInput): string {
  const settings = youtubePostSettingsSchema.safeParse(post.settings ?? {});
  const explicit = settings.success ? settings.data.title?.trim() : undefined;
  return explicit || (post.text.split('\n')[0] ?? '').trim();
}

/** The video resource sent when the upload session starts (8.2). */
export function videoResourceBody(post: PostInput) {
  const settings = settingsOf(post);
  return {
    snippet: {
      title: videoTitle(post),
      description: post.text,
      ...(settings.tags ? { tags: settings.tags } : {}),
      categoryId: settings.categoryId,
      ...(settings.defaultLanguage ? { defaultLanguage: settings.defaultLanguage } : {}),
    },
    status: {
      privacyStatus: settings.privacyStatus,
      ...(settings.publishAt ? { publishAt: new Date(settings.publishAt).toISOString() } : {}),
      selfDeclaredMadeForKids: settings.madeForKids,
      embeddable: settings.embeddable,
      license: settings.license,
      containsSyntheticMedia: settings.containsSyntheticMedia,
    },
  };
}
