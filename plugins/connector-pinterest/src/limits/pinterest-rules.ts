import type { Limits, PostInput, ValidationIssue } from '@chorus/connector-sdk';
import { CAROUSEL_MAX, CAROUSEL_MIN, LINK_MAX } from '../manifest.js';

const issue = (
  path: ValidationIssue['path'],
  code: string,
  message: string,
  extra = {},
): ValidationIssue => ({
  path,
  code: `pinterest:${code}`,
  message,
  ...extra,
});

/**
 * Pinterest's rules the manifest's limits cannot say (network-apis.md 9.2): every pin has media; a pin is one
 * image, a carousel of 2 to 5 images of identical dimensions, or one video with at most one cover image; the
 * link is http(s) and at most 2,048 characters; a video needs a cover.
 */
export function pinterestRules(post: PostInput, _limits: Limits): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const media = post.media ?? [];
  const images = media.filter((item) => item.kind === 'image');
  const videos = media.filter((item) => item.kind === 'video');
  if (media.length === 0) {
    issues.push(issue(['media'], 'media-required', 'A pin needs an image or a video. Attach one.'));
  }
  if (videos.length > 0) {
    if (media[0]?.kind !== 'video' || images.length > 1) {
      issues.push(
        issue(
          ['media'],
          'video-pin-shape',
          'A video pin is the video first, then at most one image as its cover. Remove the other images.',
        ),
      );
    }
    const keyFrame = post.settings?.coverKeyFrameSeconds;
    if (images.length === 0 && typeof keyFrame !== 'number') {
      issues.push(
        issue(
          ['media'],
          'video-cover-required',
          'Pinterest needs a cover for a video pin: attach a cover image after the video, or set coverKeyFrameSeconds.',
        ),
      );
    }
    const duration = videos[0]?.durationSeconds;
    if (typeof keyFrame === 'number' && duration !== undefined && keyFrame > duration) {
      issues.push(
        issue(
          ['settings', 'coverKeyFrameSeconds'],
          'cover-frame-out-of-video',
          `The cover frame (${keyFrame} s) is after the end of the video (${duration} s). Pick an earlier second.`,
        ),
      );
    }
  } else if (images.length > 1) {
    issues.push(...carouselIssues(post));
  }
  if (post.link) {
    issues.push(...linkIssues(post.link.url));
  }
  return issues;
}

function carouselIssues(post: PostInput): ValidationIssue[] {
  const images = post.media ?? [];
  const issues: ValidationIssue[] = [];
  if (images.length < CAROUSEL_MIN || images.length > CAROUSEL_MAX) {
    issues.push(
      issue(['media'], 'carousel-size', `A carousel pin has 2 to 5 images; this one has ${images.length}.`, {
        limit: `${CAROUSEL_MIN}..${CAROUSEL_MAX}`,
        actual: images.length,
      }),
    );
  }
  const first = images[0];
  images.slice(1).forEach((image, offset) => {
    const index = offset + 1;
    const known = [first?.width, first?.height, image.width, image.height].every(
      (value) => value !== undefined,
    );
    if (known && (image.width !== first?.width || image.height !== first?.height)) {
      issues.push(
        issue(
          ['media', index, 'width'],
          'carousel-dimensions-differ',
          `Carousel images must share one size: image ${index + 1} is ${image.width}x${image.height}, the first ${first?.width}x${first?.height}. Crop them alike.`,
        ),
      );
    }
    if (image.altText?.trim()) {
      issues.push(
        issue(
          ['media', index, 'altText'],
          'carousel-alt-text',
          'Pinterest keeps one alt text per pin: put it on the first image and remove it from the others.',
        ),
      );
    }
  });
  return issues;
}

function linkIssues(url: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (url.length > LINK_MAX) {
    issues.push(
      issue(
        ['link', 'url'],
        'link-too-long',
        `The link is ${url.length} characters; Pinterest accepts ${LINK_MAX}.`,
        {
          limit: LINK_MAX,
          actual: url.length,
        },
      ),
    );
  }
  if (!/^https?:\/\/[^\s/]+/iu.test(url)) {
    issues.push(issue(['link', 'url'], 'link-invalid', 'The link must be a full http(s) address.'));
  }
  return issues;
}
