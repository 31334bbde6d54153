import { Inject } from '@nestjs/common';
import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@chorus/contracts';
import {
  EVERGREEN_REPOSITORY,
  POST_REPOSITORY,
  QUEUE_REPOSITORY,
  UNIT_OF_WORK,
} from '../../../content.tokens.js';
import {
  PENDING_PUBLICATION_STATES,
  earliestRequeue,
  evergreenFinished,
  stopEvergreen,
} from '../../../domain/evergreen/evergreen-setting.value-object.js';
import { Post, withTargetIds } from '../../../domain/post.aggregate.js';
import { QUEUE_HORIZON_DAYS, nextFreeSlot } from '../../../domain/queue-slot.value-object.js';
import type { EvergreenRepository } from '../../ports/evergreen-repository.port.js';
import type { PostRepository } from '../../ports/post-repository.port.js';
import type { QueueRepository } from '../../ports/queue-repository.port.js';
import type { UnitOfWork } from '../../ports/unit-of-work.port.js';
import { GetApprovalGateQuery } from '../../queries/get-approval-gate/get-approval-gate.query.js';
import { PreflightPostQuery } from '../../queries/preflight-post/preflight-post.query.js';
import { RequeueEvergreenPostCommand, type RequeueOutcome } from './requeue-evergreen-post.command.js';

/**
 * In one transaction holding the post's evergreen row, so two runs never both re-queue; the unique key on
 * (source post, re-queue number) would refuse a second one anyway.
 */
@CommandHandler(RequeueEvergreenPostCommand)
export class RequeueEvergreenPostHandler implements ICommandHandler<RequeueEvergreenPostCommand> {
  constructor(
    @Inject(EVERGREEN_REPOSITORY) private readonly evergreen: EvergreenRepository,
    @Inject(POST_REPOSITORY) private readonly posts: PostRepository,
    @Inject(QUEUE_REPOSITORY) private readonly queues: QueueRepository,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    private readonly queries: QueryBus,
  ) {}

  async execute({ tenantId, postId }: RequeueEvergreenPostCommand): Promise<RequeueOutcome> {
    return this.unitOfWork.run(tenantId, async (): Promise<RequeueOutcome> => {
      const setting = await this.evergreen.lockForRun(tenantId, postId);
      if (setting === null || !setting.active) {
        return { kind: 'stopped', why: setting?.stoppedReason ?? 'not evergreen' };
      }
      const now = new Date();
      const finished = evergreenFinished(setting, now);
      if (finished !== null) {
        await this.evergreen.save(stopEvergreen(setting, finished, now));
        return { kind: 'stopped', why: finished };
      }
      const head = await this.evergreen.head(tenantId, postId);
      const source = await this.posts.find(tenantId, setting.workspaceId, postId);
      if (head === null || source === null) {
        await this.evergreen.save(stopEvergreen(setting, 'the post was deleted', now));
        return { kind: 'stopped', why: 'the post was deleted' };
      }
      // A draft (unscheduled by a person, or waiting for approval) or a target still to go: one at a time.
      if (head.status === 'draft' || head.targetStates.some((s) => PENDING_PUBLICATION_STATES.includes(s))) {
        return { kind: 'waiting', why: `post ${head.postId} has not gone out yet` };
      }
      if (head.chainPending) {
        return {
          kind: 'waiting',
          why: 'an earlier post of the chain is to go out again (a person rescheduled it)',
        };
      }
      if (head.lastPublishedAt === null) {
        return { kind: 'waiting', why: `post ${head.postId} was not published (failed or cancelled)` };
      }
      const p = source.snapshot();
      const channelId = p.targets[0]?.channelId;
      const queue =
        channelId === undefined ? null : await this.queues.find(tenantId, p.workspaceId, channelId);
      if (channelId === undefined || queue === null || queue.slots.length === 0) {
        const problem = {
          field: 'queue',
          problem: 'the first channel has no queue slots; set them with PUT /queues',
        };
        await this.evergreen.save({ ...setting, lastProblems: [problem] });
        return { kind: 'waiting', why: problem.problem };
      }
      const after = earliestRequeue(setting, head.lastPublishedAt, now);
      const horizon = new Date(after.getTime() + (QUEUE_HORIZON_DAYS + 2) * 86_400_000);
      const slot = nextFreeSlot(
        queue,
        after,
        await this.posts.takenInstants(tenantId, channelId, after, horizon),
      );
      if (slot === null) {
        const problem = {
          field: 'queue',
          problem: `no free slot in the ${QUEUE_HORIZON_DAYS} days after ${after.toISOString()}`,
        };
        await this.evergreen.save({ ...setting, lastProblems: [problem] });
        return { kind: 'waiting', why: problem.problem };
      }
      if (setting.endsAt !== null && slot.getTime() >= setting.endsAt.getTime()) {
        const why = `the next free slot (${slot.toISOString()}) is after its end (${setting.endsAt.toISOString()})`;
        await this.evergreen.save(stopEvergreen(setting, why, now));
        return { kind: 'stopped', why };
      }
      // The chain's own numbering is the truth (the unique key is on it): a count saved from a stale read
      // can never make the planner try a number already taken, round after round.
      const made = Math.max(setting.requeued, head.requeue);
      if (made >= setting.maxTimes) {
        const why = `re-queued ${made} time(s), the limit`;
        await this.evergreen.save(stopEvergreen({ ...setting, requeued: made }, why, now));
        return { kind: 'stopped', why };
      }
      const requeue = made + 1;
      const copy = Post.createDraft(
        { id: uuidv7(), tenantId, workspaceId: p.workspaceId, createdBy: setting.updatedBy },
        withTargetIds(
          {
            master: p.master,
            targets: p.targets.map(({ targetId: _ignored, ...rest }) => rest),
            contentType: p.contentType,
            tags: p.tags,
            campaignId: p.campaignId,
            pillarKey: p.pillarKey,
            goalIds: p.goalIds,
          },
          [],
          uuidv7,
        ),
        now,
        { kind: 'evergreen', sourcePostId: postId, requeue },
      );
      const schedule = { publishAt: slot, timeZone: queue.timeZone };
      const report = await this.queries.execute(new PreflightPostQuery(copy.snapshot(), schedule, now));
      if (report.problems.length > 0) {
        await this.evergreen.save({ ...setting, lastProblems: report.problems });
        return { kind: 'waiting', why: report.problems.map((x) => `${x.field}: ${x.problem}`).join('; ') };
      }
      const gate = await this.queries.execute(new GetApprovalGateQuery(tenantId, p.workspaceId, copy.id));
      if (gate === null) {
        copy.schedule(schedule, report.targets, setting.updatedBy, now);
      }
      await this.posts.add(copy);
      await this.evergreen.save({ ...setting, requeued: requeue, lastProblems: [] });
      return { kind: 'requeued', postId: copy.id, publishAt: slot };
    });
  }
}
