import { Query } from '@nestjs/cqrs';
import type { MediaRef } from '../../../../domain/post-content.value-object.js';
import type { MediaChoice, MediaHolder } from '../../../domain/post-media.value-object.js';

/**
 * The media a writer chose for a post (library ids), as references with the library's probed facts and a
 * signed URL; a 400 naming each id that is not in the workspace's library.
 */
export class AttachLibraryMediaQuery<H extends MediaHolder<MediaChoice>> extends Query<
  Omit<H, 'media' | 'thread' | 'targets'> & MediaHolder<MediaRef>
> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly holder: H,
  ) {
    super();
  }
}
