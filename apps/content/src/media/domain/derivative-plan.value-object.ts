import type { MediaLimits, MediaRule } from '@chorus/connector-sdk';
import type { MediaAsset } from './media-asset.value-object.js';

/** How to turn an image into one a network accepts: a centred crop, a resize, an encoding, a byte budget. */
export interface DerivativePlan {
  readonly network: string;
  readonly crop: {
    readonly left: number;
    readonly top: number;
    readonly width: number;
    readonly height: number;
  };
  readonly width: number;
  readonly height: number;
  readonly mimeType: 'image/jpeg' | 'image/png' | 'image/webp';
  readonly maxBytes: number | null;
  readonly description: string;
}

const ENCODABLE = ['image/jpeg', 'image/png', 'image/webp'] as const;

/**
 * The derivative a network needs, or null when the original already fits its image rule (or the network takes
 * no images, or the asset is a video or a GIF: videos are not re-encoded without ffmpeg, and a GIF would lose
 * its animation).
 */
export function planDerivative(
  asset: Pick<MediaAsset, 'kind' | 'mimeType' | 'sizeBytes' | 'width' | 'height'>,
  network: string,
  limits: MediaLimits | null | undefined,
): DerivativePlan | null {
  if (asset.kind === 'video' || asset.width === null || asset.height === null) {
    return null;
  }
  if (asset.kind === 'gif') {
    return null; // resizing or converting would drop the animation: validation says what is wrong instead
  }
  const rule: MediaRule | undefined = limits?.image;
  if (rule === undefined) {
    return null;
  }
  const steps: string[] = [];
  const keepType = rule.mimeTypes.includes(asset.mimeType);
  const mimeType = keepType
    ? (asset.mimeType as DerivativePlan['mimeType'])
    : ENCODABLE.find((type) => rule.mimeTypes.includes(type));
  if (mimeType === undefined) {
    return null; // the network takes no type sharp writes; validation reports the type
  }
  if (mimeType !== asset.mimeType) {
    steps.push(`converted to ${mimeType.slice('image/'.length).toUpperCase()}`);
  }
  const crop = centredCrop(asset.width, asset.height, rule.minAspectRatio, rule.maxAspectRatio);
  if (crop.width !== asset.width || crop.height !== asset.height) {
    steps.unshift(`cropped to ${crop.width}x${crop.height}`);
  }
  const scale = scaleFor(crop.width, crop.height, rule);
  // Down: never a pixel over a maximum; up: never a pixel under a minimum.
  const fit = (n: number) => (scale < 1 ? Math.floor(n + 1e-9) : Math.ceil(n - 1e-9));
  let width = Math.max(1, fit(crop.width * scale));
  let height = Math.max(1, fit(crop.height * scale));
  // Rounding to whole pixels must not push the ratio back out of range.
  if (rule.maxAspectRatio !== undefined && width / height > rule.maxAspectRatio) {
    width = Math.floor(height * rule.maxAspectRatio);
  }
  if (rule.minAspectRatio !== undefined && width / height < rule.minAspectRatio) {
    height = Math.floor(width / rule.minAspectRatio);
  }
  if (width !== crop.width || height !== crop.height) {
    steps.push(`resized to ${width}x${height}`);
  }
  const maxBytes = rule.maxBytes ?? null;
  if (steps.length === 0 && (maxBytes === null || asset.sizeBytes <= maxBytes)) {
    return null;
  }
  if (maxBytes !== null && asset.sizeBytes > maxBytes) {
    steps.push(`compressed under ${maxBytes} bytes`);
  }
  return { network, crop, width, height, mimeType, maxBytes, description: steps.join(', ') };
}

function centredCrop(width: number, height: number, min: number | undefined, max: number | undefined) {
  const ratio = width / height;
  if (min !== undefined && ratio < min) {
    const h = Math.min(height, Math.floor(width / min));
    return { left: 0, top: Math.floor((height - h) / 2), width, height: h };
  }
  if (max !== undefined && ratio > max) {
    const w = Math.min(width, Math.floor(height * max));
    return { left: Math.floor((width - w) / 2), top: 0, width: w, height };
  }
  return { left: 0, top: 0, width, height };
}

/** Down to the largest size within every maximum; up to the minimums when the image is too small. */
function scaleFor(width: number, height: number, rule: MediaRule): number {
  let scale = 1;
  if (rule.maxWidth !== undefined) {
    scale = Math.min(scale, rule.maxWidth / width);
  }
  if (rule.maxHeight !== undefined) {
    scale = Math.min(scale, rule.maxHeight / height);
  }
  if (rule.maxPixels !== undefined) {
    scale = Math.min(scale, Math.sqrt(rule.maxPixels / (width * height)));
  }
  if (scale < 1) {
    return scale;
  }
  let up = 1;
  if (rule.minWidth !== undefined) {
    up = Math.max(up, rule.minWidth / width);
  }
  if (rule.minHeight !== undefined) {
    up = Math.max(up, rule.minHeight / height);
  }
  return up;
}
