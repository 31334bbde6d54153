import { Query } from '@nestjs/cqrs';
import type { FieldDiff } from '../../../domain/approvals/content-diff.value-object.js';

export interface VersionDiff {
  readonly from: number;
  readonly to: number;
  readonly changes: readonly FieldDiff[];
}

/** What changed from one content version to another (either order), field by field; by default the last change. */
export class DiffPostVersionsQuery extends Query<VersionDiff> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly postId: string,
    readonly from: number | undefined,
    readonly to: number | undefined,
  ) {
    super();
  }
}
