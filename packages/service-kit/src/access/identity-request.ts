import type { Identity } from '@chorus/access';

/** The request as the access guard leaves it for controllers. */
export interface RequestWithIdentity {
  identity?: Identity;
  headers: Record<string, string | string[] | undefined>;
}
