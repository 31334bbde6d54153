import type { PostInput } from '@chorus/connector-sdk';

/** Text as compared across TikTok's answers: NFC, whitespace collapsed, trimmed. */
export const comparable = (text: string | undefined) =>
  (text ?? '').normalize('NFC').replace(/\s+/gu, ' ').trim();

/** The caption of a video, or the description of a photo post: what TikTok shows as the post's text. */
export const expectedText = (post: PostInput) => comparable(post.text);
