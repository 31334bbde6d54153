import { z } from 'zod';

/** The content service's media library in `chorus serve content` (docs/adr/0023). */
export const mediaDirVariable = z
  .string()
  .min(1)
  .optional()
  .describe('where the content service keeps media files (local disk), e.g. /var/lib/chorus/media');

export const mediaUrlKeyVariable = z
  .string()
  .regex(
    /^[A-Za-z0-9_-]{43,}$/,
    'expected at least 32 bytes in base64url, e.g. from `openssl rand -base64 32 | tr +/ -_ | tr -d =`',
  )
  .transform((value) => Buffer.from(value, 'base64url'))
  .optional()
  .describe(
    'the key that signs public media and calendar-feed links, the same for every content instance (base64url, 32 bytes or more)',
  );
