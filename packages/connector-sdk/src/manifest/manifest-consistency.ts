import type { z } from 'zod';
import type { Capabilities, ContentKind } from './capabilities.schema.js';
import type { Limits } from './limits.schema.js';

interface ManifestShape {
  capabilities: Capabilities;
  limits: Limits;
}

// Each declared content kind needs the limits that make validation possible before any network call.
const limitsNeeded: Partial<Record<ContentKind, (limits: Limits) => boolean>> = {
  image: (limits) => limits.media?.image !== undefined,
  video: (limits) => limits.media?.video !== undefined,
  gif: (limits) => limits.media?.gif !== undefined,
  poll: (limits) => limits.poll !== undefined,
};

const limitsPath: Partial<Record<ContentKind, string[]>> = {
  image: ['limits', 'media', 'image'],
  video: ['limits', 'media', 'video'],
  gif: ['limits', 'media', 'gif'],
  poll: ['limits', 'poll'],
};

export function checkManifestConsistency(manifest: ManifestShape, ctx: z.RefinementCtx): void {
  const kinds = manifest.capabilities.publish?.kinds ?? [];
  for (const kind of kinds) {
    const present = limitsNeeded[kind];
    if (present && !present(manifest.limits)) {
      ctx.addIssue({
        code: 'custom',
        path: limitsPath[kind] ?? ['limits'],
        message: `publish kind '${kind}' is declared, so its limits must be declared too`,
      });
    }
  }
  const { auth } = manifest.capabilities;
  if (auth.pkce && !auth.methods.includes('oauth2')) {
    ctx.addIssue({
      code: 'custom',
      path: ['capabilities', 'auth', 'pkce'],
      message: 'pkce needs the oauth2 method',
    });
  }
  if (manifest.capabilities.findPublished && !manifest.capabilities.publish) {
    ctx.addIssue({
      code: 'custom',
      path: ['capabilities', 'findPublished'],
      message: 'findPublished needs the publish capability',
    });
  }
}
