import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { diffContent } from '../../../domain/approvals/content-diff.value-object.js';
import { InvalidContentInputError } from '../../../domain/content.errors.js';
import { ListPostVersionsQuery } from '../list-post-versions/list-post-versions.query.js';
import { DiffPostVersionsQuery, type VersionDiff } from './diff-post-versions.query.js';

@QueryHandler(DiffPostVersionsQuery)
export class DiffPostVersionsHandler implements IQueryHandler<DiffPostVersionsQuery> {
  constructor(private readonly queries: QueryBus) {}

  async execute(q: DiffPostVersionsQuery): Promise<VersionDiff> {
    const versions = await this.queries.execute(
      new ListPostVersionsQuery(q.tenantId, q.workspaceId, q.postId),
    );
    const toVersion = q.to ?? versions.length;
    const fromVersion = q.from ?? Math.max(1, toVersion - 1);
    const from = versions.find((v) => v.version === fromVersion);
    const to = versions.find((v) => v.version === toVersion);
    const known =
      versions.length === 0
        ? 'the post has no stored version yet'
        : `the post has versions 1 to ${versions.length}`;
    const problems = [
      ...(from === undefined ? [{ field: 'from', problem: `no version ${fromVersion}: ${known}` }] : []),
      ...(to === undefined ? [{ field: 'to', problem: `no version ${toVersion}: ${known}` }] : []),
    ];
    if (problems.length > 0) {
      throw new InvalidContentInputError(problems);
    }
    return { from: fromVersion, to: toVersion, changes: diffContent(from!.content, to!.content) };
  }
}
