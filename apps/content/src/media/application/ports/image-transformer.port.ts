import type { DerivativePlan } from '../../domain/derivative-plan.value-object.js';

export interface RenderedImage {
  readonly bytes: Buffer;
  readonly width: number;
  readonly height: number;
  readonly mimeType: string;
}

/** Makes a derivative from the original's bytes, following the plan; the result fits the plan's byte budget. */
export interface ImageTransformer {
  /**
   * The image's size as shown (EXIF orientation applied), or null when its bytes cannot be decoded although
   * its header looked right.
   */
  displaySize(bytes: Buffer): Promise<{ width: number; height: number } | null>;
  render(original: Buffer, plan: DerivativePlan): Promise<RenderedImage>;
}
