import { Query } from '@nestjs/cqrs';
import type { PublicationView } from '../../ports/publication-repository.port.js';

/** Where each target of a post stands: scheduled, waiting (why, until when), published (URL), failed, ... */
export class GetPublicationQuery extends Query<PublicationView[]> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly postId: string,
  ) {
    super();
  }
}
