import { Inject } from '@nestjs/common';
import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@chorus/contracts';
import type { ChannelDirectory } from '../../../../application/ports/channel-directory.port.js';
import type { PostRepository } from '../../../../application/ports/post-repository.port.js';
import type { UnitOfWork } from '../../../../application/ports/unit-of-work.port.js';
import { GetApprovalGateQuery } from '../../../../application/queries/get-approval-gate/get-approval-gate.query.js';
import { PreflightPostQuery } from '../../../../application/queries/preflight-post/preflight-post.query.js';
import { CHANNEL_DIRECTORY, POST_REPOSITORY, UNIT_OF_WORK } from '../../../../content.tokens.js';
import { InvalidContentInputError, type ContentProblem } from '../../../../domain/content.errors.js';
import { Post, withTargetIds, type PostContentInput } from '../../../../domain/post.aggregate.js';
import type { RenderedTarget } from '../../../../domain/rendered-target.value-object.js';
import { AttachLibraryMediaQuery } from '../../../../media/application/queries/attach-library-media/attach-library-media.query.js';
import { parseCsv } from '../../../domain/csv.value-object.js';
import { checkHeader, readRow, type PostCsvRow } from '../../../domain/post-csv-row.value-object.js';
import { ImportPostsCommand, type ImportReport, type ImportedRow } from './import-posts.command.js';

const MAX_ROWS = 500;

interface Candidate {
  readonly row: number;
  readonly post: Post | null;
  readonly schedule: { publishAt: Date; timeZone: string } | null;
  readonly targets: RenderedTarget[];
  readonly gated: boolean;
  readonly problems: ContentProblem[];
  readonly warnings: ContentProblem[];
}

@CommandHandler(ImportPostsCommand)
export class ImportPostsHandler implements ICommandHandler<ImportPostsCommand> {
  constructor(
    @Inject(POST_REPOSITORY) private readonly posts: PostRepository,
    @Inject(CHANNEL_DIRECTORY) private readonly channels: ChannelDirectory,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    private readonly queries: QueryBus,
  ) {}

  async execute({ data }: ImportPostsCommand): Promise<ImportReport> {
    const parsed = parseCsv(data.csv);
    if (!parsed.ok) {
      throw InvalidContentInputError.of('csv', `line ${parsed.line}: ${parsed.problem}`);
    }
    const [header, ...rows] = parsed.rows;
    if (header === undefined || rows.length === 0) {
      throw InvalidContentInputError.of('csv', 'the file has no rows under its header');
    }
    if (rows.length > MAX_ROWS) {
      throw InvalidContentInputError.of('csv', `${rows.length} rows; import at most ${MAX_ROWS} at a time`);
    }
    const columns = checkHeader(header);
    if (!columns.ok) {
      throw new InvalidContentInputError(columns.problems);
    }
    const channels = await this.channels.list(data.tenantId, data.workspaceId);
    const now = new Date();
    const candidates: Candidate[] = [];
    for (const [i, cells] of rows.entries()) {
      const read = readRow(cells, i + 2, columns.index, channels);
      candidates.push(read.ok ? await this.check(read.value, data, now) : invalid(i + 2, read.problems));
    }

    const bad = candidates.filter((c) => c.problems.length > 0);
    if (bad.length > 0 && data.mode === 'all-or-nothing') {
      throw new InvalidContentInputError(bad.flatMap((c) => c.problems));
    }
    const good = candidates.filter((c) => c.problems.length === 0);
    if (!data.dryRun && good.length > 0) {
      // One transaction: every good row is stored with its events, or none is.
      await this.unitOfWork.run(data.tenantId, async () => {
        for (const c of good) {
          if (!c.gated) {
            c.post!.schedule(c.schedule!, c.targets, data.by, now);
          }
          await this.posts.add(c.post!);
        }
      });
    }
    return {
      dryRun: data.dryRun,
      imported: data.dryRun ? 0 : good.length,
      skipped: bad.length,
      rows: candidates.map((c): ImportedRow => ({
        row: c.row,
        status: c.problems.length > 0 ? 'invalid' : data.dryRun ? 'valid' : c.gated ? 'draft' : 'scheduled',
        postId: c.problems.length > 0 || data.dryRun ? null : c.post!.id,
        problems: c.problems,
        warnings: c.warnings,
      })),
    };
  }

  /** The row as a post, put through the checks scheduling makes (the same connectors, voice and rules). */
  private async check(row: PostCsvRow, data: ImportPostsCommand['data'], now: Date): Promise<Candidate> {
    const problems: ContentProblem[] = [];
    let media: PostContentInput['master']['media'] = [];
    try {
      const attached = await this.queries.execute(
        new AttachLibraryMediaQuery(data.tenantId, data.workspaceId, {
          media: row.mediaIds.map((mediaId) => ({ mediaId })),
          thread: [],
          targets: [],
        }),
      );
      media = attached.media;
    } catch (error) {
      if (!(error instanceof InvalidContentInputError)) {
        throw error;
      }
      problems.push(
        ...error.problems.map((p) => ({ field: `rows.${row.row}.mediaIds`, problem: p.problem })),
      );
    }
    const content: PostContentInput = {
      master: { text: row.text, media, firstComment: row.firstComment, thread: [] },
      targets: [
        { channelId: row.channelId, text: null, media: null, firstComment: null, thread: null, settings: {} },
      ],
      contentType: row.contentType,
      tags: row.tags,
      campaignId: null,
      pillarKey: null,
      goalIds: [],
    };
    const post = Post.createDraft(
      { id: uuidv7(), tenantId: data.tenantId, workspaceId: data.workspaceId, createdBy: data.by },
      withTargetIds(content, [], uuidv7),
      now,
    );
    const schedule = { publishAt: row.publishAt, timeZone: row.timeZone };
    const report = await this.queries.execute(new PreflightPostQuery(post.snapshot(), schedule, now));
    const gate = await this.queries.execute(
      new GetApprovalGateQuery(data.tenantId, data.workspaceId, post.id),
    );
    const at = (p: ContentProblem) => ({ field: `rows.${row.row}.${columnOf(p.field)}`, problem: p.problem });
    // When the media ids were refused, what scheduling says about the missing media adds nothing.
    const scheduling = report.problems
      .map(at)
      .filter((p) => problems.length === 0 || p.field !== `rows.${row.row}.mediaIds`);
    return {
      row: row.row,
      post,
      schedule,
      targets: report.targets,
      gated: gate !== null,
      problems: [...problems, ...scheduling],
      warnings: report.warnings.map(at),
    };
  }
}

function invalid(row: number, problems: ContentProblem[]): Candidate {
  return { row, post: null, schedule: null, targets: [], gated: false, problems, warnings: [] };
}

/** A post's field (as scheduling names it) -> the CSV column the writer fixes. */
function columnOf(field: string): string {
  const inner = field.replace(/^targets\.0\.?/, '');
  const first = inner.split('.')[0] ?? '';
  switch (first) {
    case '':
    case 'channelId':
      return 'channel';
    case 'publishAt':
      return 'time';
    case 'media':
      return 'mediaIds';
    case 'text':
    case 'firstComment':
    case 'timeZone':
    case 'contentType':
      return first;
    default:
      return inner;
  }
}
