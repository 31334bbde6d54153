import { Query } from '@nestjs/cqrs';
import type { PostProps, PostSchedule } from '../../../domain/post.aggregate.js';
import type { ScheduleReport } from '../../../domain/schedule-checks.value-object.js';

/**
 * Everything scheduling `post` at `schedule` would say (null: the targets only), each target rendered.
 * Reads the channels, the brand voice, the UTM scheme and the connectors; changes nothing.
 */
export class PreflightPostQuery extends Query<ScheduleReport> {
  constructor(
    readonly post: PostProps,
    readonly schedule: PostSchedule | null,
    readonly now: Date,
  ) {
    super();
  }
}
