import { Query } from '@nestjs/cqrs';
import type { EvergreenSetting } from '../../../domain/evergreen/evergreen-setting.value-object.js';
import type { RequeueView } from '../../ports/evergreen-repository.port.js';

export interface EvergreenView {
  readonly setting: EvergreenSetting;
  readonly requeues: readonly RequeueView[];
}

/** A post's evergreen setting and the re-queues made of it. */
export class GetEvergreenQuery extends Query<EvergreenView> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly postId: string,
  ) {
    super();
  }
}
