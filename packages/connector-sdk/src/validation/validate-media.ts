import type { MediaLimits, MediaRule } from '../manifest/limits.schema.js';
import type { ContentKind } from '../manifest/capabilities.schema.js';
import type { MediaInput } from '../content/post.js';
import { validateText } from './validate-text.js';
import type { IssuePath, ValidationIssue } from './validation-issue.js';

/** Checks one post's attachments (the first post or one part of a thread) against the media limits. */
export function validateMedia(
  media: readonly MediaInput[],
  limits: MediaLimits | undefined,
  declared: ReadonlySet<ContentKind>,
  path: IssuePath,
  network: string,
): ValidationIssue[] {
  if (media.length === 0) {
    return [];
  }
  const issues: ValidationIssue[] = [];
  if (!limits) {
    return media.map((_item, index) => notSupported([...path, index], network, 'media'));
  }
  if (media.length > limits.maxItems) {
    issues.push({
      path,
      code: 'too-many-media',
      limit: limits.maxItems,
      actual: media.length,
      message: `${media.length} attachments; ${network} allows ${limits.maxItems} per post. Remove ${media.length - limits.maxItems}.`,
    });
  }
  const kinds = new Set(media.map((item) => item.kind));
  if (!limits.mixedKinds && kinds.size > 1) {
    issues.push({
      path,
      code: 'media-kinds-mixed',
      actual: [...kinds].join(', '),
      message: `${network} does not mix ${[...kinds].join(' and ')} in one post. Keep one kind.`,
    });
  }
  for (const kind of kinds) {
    const rule = limits[kind];
    const count = media.filter((item) => item.kind === kind).length;
    if (rule && declared.has(kind) && count > rule.maxCount) {
      issues.push({
        path,
        code: 'too-many-media-of-kind',
        limit: rule.maxCount,
        actual: count,
        message: `${count} ${kind} attachments; ${network} allows ${rule.maxCount}.`,
      });
    }
  }
  media.forEach((item, index) => {
    const rule = limits[item.kind];
    const itemPath = [...path, index];
    if (!rule || !declared.has(item.kind)) {
      issues.push(notSupported(itemPath, network, item.kind));
    } else {
      issues.push(...validateItem(item, rule, itemPath, network));
    }
  });
  return issues;
}

function validateItem(
  item: MediaInput,
  rule: MediaRule,
  path: IssuePath,
  network: string,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!rule.mimeTypes.includes(item.mimeType)) {
    issues.push({
      path: [...path, 'mimeType'],
      code: 'media-type-not-allowed',
      limit: rule.mimeTypes,
      actual: item.mimeType,
      message: `${network} does not accept ${item.mimeType} ${item.kind}s; use one of ${rule.mimeTypes.join(', ')}.`,
    });
  }
  const max = (limit: number | undefined, actual: number | undefined) =>
    limit !== undefined && actual !== undefined && actual > limit;
  const min = (limit: number | undefined, actual: number | undefined) =>
    limit !== undefined && actual !== undefined && actual < limit;
  if (max(rule.maxBytes, item.sizeBytes)) {
    issues.push({
      path: [...path, 'sizeBytes'],
      code: 'media-too-large',
      limit: rule.maxBytes,
      actual: item.sizeBytes,
      message: `The ${item.kind} is ${item.sizeBytes} bytes; ${network} accepts up to ${rule.maxBytes}. Compress or resize it.`,
    });
  }
  const pixels = item.width !== undefined && item.height !== undefined ? item.width * item.height : undefined;
  if (max(rule.maxPixels, pixels)) {
    issues.push({
      path: [...path, 'width'],
      code: 'media-too-many-pixels',
      limit: rule.maxPixels,
      actual: pixels,
      message: `The ${item.kind} has ${pixels} pixels; ${network} accepts up to ${rule.maxPixels}. Resize it.`,
    });
  }
  for (const [dimension, low, high] of [
    ['width', rule.minWidth, rule.maxWidth],
    ['height', rule.minHeight, rule.maxHeight],
  ] as const) {
    const actual = item[dimension];
    if (min(low, actual) || max(high, actual)) {
      issues.push({
        path: [...path, dimension],
        code: 'media-dimensions-out-of-range',
        limit: `${low ?? 0}..${high ?? '∞'}`,
        actual,
        message: `The ${item.kind} is ${actual} px in ${dimension}; ${network} accepts ${low ?? 0} to ${high ?? 'any'} px.`,
      });
    }
  }
  if (item.width !== undefined && item.height !== undefined && item.height > 0) {
    const ratio = item.width / item.height;
    if (min(rule.minAspectRatio, ratio) || max(rule.maxAspectRatio, ratio)) {
      issues.push({
        path: [...path, 'width'],
        code: 'aspect-ratio-out-of-range',
        limit: `${rule.minAspectRatio ?? 0}..${rule.maxAspectRatio ?? '∞'}`,
        actual: Number(ratio.toFixed(3)),
        message: `The ${item.kind}'s aspect ratio ${ratio.toFixed(2)} is outside what ${network} accepts (${rule.minAspectRatio ?? 0} to ${rule.maxAspectRatio ?? 'any'}). Crop it.`,
      });
    }
  }
  if (max(rule.maxDurationSeconds, item.durationSeconds)) {
    issues.push({
      path: [...path, 'durationSeconds'],
      code: 'video-too-long',
      limit: rule.maxDurationSeconds,
      actual: item.durationSeconds,
      message: `The ${item.kind} lasts ${item.durationSeconds} s; ${network} accepts up to ${rule.maxDurationSeconds} s. Trim it.`,
    });
  }
  if (min(rule.minDurationSeconds, item.durationSeconds)) {
    issues.push({
      path: [...path, 'durationSeconds'],
      code: 'video-too-short',
      limit: rule.minDurationSeconds,
      actual: item.durationSeconds,
      message: `The ${item.kind} lasts ${item.durationSeconds} s; ${network} needs at least ${rule.minDurationSeconds} s.`,
    });
  }
  const alt = item.altText?.trim() ?? '';
  if (rule.altText?.required && alt.length === 0) {
    issues.push({
      path: [...path, 'altText'],
      code: 'alt-text-required',
      message: `${network} needs alt text on every ${item.kind}. Describe it for people who cannot see it.`,
    });
  }
  if (rule.altText && item.altText) {
    issues.push(
      ...validateText(item.altText, {
        path: [...path, 'altText'],
        label: 'Alt text',
        rules: rule.altText.text,
        code: 'alt-text-too-long',
      }),
    );
  }
  return issues;
}

function notSupported(path: IssuePath, network: string, what: string): ValidationIssue {
  return {
    path,
    code: 'content-not-supported',
    actual: what,
    message: `The ${network} connector does not publish ${what}. Remove it from this variant.`,
  };
}
