import { describe, expect, it } from 'vitest';
import { planDerivative } from './derivative-plan.value-object.js';

const instagram = {
  maxItems: 10,
  mixedKinds: true,
  image: {
    mimeTypes: ['image/jpeg'],
    maxCount: 10,
    maxBytes: 8_388_608,
    maxWidth: 1440,
    minAspectRatio: 0.8,
    maxAspectRatio: 1.91,
  },
};

const photo = (width: number, height: number, mimeType = 'image/jpeg', sizeBytes = 500_000) => ({
  kind: 'image' as const,
  mimeType,
  sizeBytes,
  width,
  height,
});

describe('planning a derivative for a network', () => {
  it('needs none when the original fits', () => {
    expect(planDerivative(photo(1080, 1080), 'instagram', instagram)).toBeNull();
  });

  it('crops a tall image to the narrowest ratio allowed, centred, then resizes within the width', () => {
    // 3000 x 6000 is 0.5; Instagram's 0.8 keeps 3000 x 3750, centred (top 1125), scaled to 1440 x 1800.
    expect(planDerivative(photo(3000, 6000), 'instagram', instagram)).toEqual({
      network: 'instagram',
      crop: { left: 0, top: 1125, width: 3000, height: 3750 },
      width: 1440,
      height: 1800,
      mimeType: 'image/jpeg',
      maxBytes: 8_388_608,
      description: 'cropped to 3000x3750, resized to 1440x1800',
    });
  });

  it('crops a panorama to the widest ratio and converts a PNG the network does not take', () => {
    const plan = planDerivative(photo(4000, 1000, 'image/png'), 'instagram', instagram);
    expect(plan?.crop).toEqual({ left: 1045, top: 0, width: 1910, height: 1000 });
    expect(plan?.mimeType).toBe('image/jpeg');
    expect(plan!.width / plan!.height).toBeLessThanOrEqual(1.91);
    expect(plan!.width).toBeLessThanOrEqual(1440);
  });

  it('compresses a file over the byte limit even when its shape fits; none for videos or networks without images', () => {
    expect(
      planDerivative(photo(1000, 1000, 'image/jpeg', 9_000_000), 'instagram', instagram)?.description,
    ).toBe('compressed under 8388608 bytes');
    expect(
      planDerivative({ ...photo(1000, 1000), kind: 'video', mimeType: 'video/mp4' }, 'instagram', instagram),
    ).toBeNull();
    expect(planDerivative(photo(1000, 1000), 'x', { maxItems: 1, mixedKinds: false })).toBeNull();
  });
});
