import { Command } from '@nestjs/cqrs';
import type { PublicationView } from '../../ports/publication-repository.port.js';

export interface TargetAddress {
  readonly tenantId: string;
  readonly workspaceId: string;
  readonly postId: string;
  readonly targetId: string;
}

/**
 * A person asks for another try of a failed target, or says a needs-review target did not go out. Refused
 * for a published target (with its URL) and for one already on its way.
 */
export class RetryPublicationCommand extends Command<PublicationView> {
  constructor(readonly target: TargetAddress) {
    super();
  }
}
