import { Command } from '@nestjs/cqrs';
import type { PublicationView } from '../../ports/publication-repository.port.js';
import type { TargetAddress } from '../retry-publication/retry-publication.command.js';

/** A person looked at the network: the needs-review target went out at `url`, or it did not (then retry). */
export class ResolvePublicationReviewCommand extends Command<PublicationView> {
  constructor(
    readonly target: TargetAddress,
    readonly outcome: { readonly published: true; readonly url: string } | { readonly published: false },
  ) {
    super();
  }
}
