import sharp from 'sharp';
import type { ImageTransformer, RenderedImage } from '../../application/ports/image-transformer.port.js';
import type { DerivativePlan } from '../../domain/derivative-plan.value-object.js';
import { MAX_INPUT_PIXELS } from '../../domain/upload-check.value-object.js';

const QUALITIES = [85, 75, 65, 55, 45];

/**
 * Derivatives with sharp (libvips): EXIF orientation applied first, the crop, the resize, then the encoding,
 * lowering the quality (and then the size, by 15 % a step) until the network's byte budget holds.
 */
export class SharpImageTransformer implements ImageTransformer {
  async displaySize(bytes: Buffer): Promise<{ width: number; height: number } | null> {
    try {
      const meta = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
      // Decoding the first rows catches files whose header is fine and whose data is not.
      await sharp(bytes, { animated: false, limitInputPixels: MAX_INPUT_PIXELS })
        .resize(8, 8, { fit: 'inside' })
        .raw()
        .toBuffer();
      if (meta.width === undefined || meta.height === undefined) {
        return null;
      }
      const sideways = (meta.orientation ?? 1) >= 5;
      return sideways
        ? { width: meta.height, height: meta.width }
        : { width: meta.width, height: meta.height };
    } catch {
      return null;
    }
  }

  async render(original: Buffer, plan: DerivativePlan): Promise<RenderedImage> {
    let width = plan.width;
    let height = plan.height;
    for (let attempt = 0; attempt < 8; attempt += 1) {
      for (const quality of plan.mimeType === 'image/png' ? [100] : QUALITIES) {
        const bytes = await this.encode(original, plan, width, height, quality);
        if (plan.maxBytes === null || bytes.length <= plan.maxBytes) {
          return { bytes, width, height, mimeType: plan.mimeType };
        }
      }
      width = Math.max(1, Math.floor(width * 0.85));
      height = Math.max(1, Math.floor(height * 0.85));
    }
    throw new Error(`Cannot bring the image under ${String(plan.maxBytes)} bytes for ${plan.network}`);
  }

  private async encode(
    original: Buffer,
    plan: DerivativePlan,
    width: number,
    height: number,
    quality: number,
  ): Promise<Buffer> {
    // rotate() first: crops are computed on the image as shown, and phones store it sideways with an EXIF flag.
    const image = sharp(original, { animated: false, limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .extract(plan.crop)
      .resize(width, height, { fit: 'fill' });
    switch (plan.mimeType) {
      case 'image/jpeg':
        return image.flatten({ background: '#ffffff' }).jpeg({ quality, mozjpeg: true }).toBuffer();
      case 'image/webp':
        return image.webp({ quality }).toBuffer();
      case 'image/png':
        return image.png({ compressionLevel: 9 }).toBuffer();
    }
  }
}
