import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { calendarRange } from '../../../domain/calendar-range.value-object.js';
import { InvalidContentInputError } from '../../../domain/content.errors.js';
import { isKnownTimeZone } from '../../../domain/time-zone.value-object.js';
import { toLocal } from '../../../domain/zoned-time.value-object.js';
import { POST_REPOSITORY } from '../../../content.tokens.js';
import type { PostRepository } from '../../ports/post-repository.port.js';
import { GetCalendarQuery, type Calendar } from './get-calendar.query.js';

@QueryHandler(GetCalendarQuery)
export class GetCalendarHandler implements IQueryHandler<GetCalendarQuery> {
  constructor(@Inject(POST_REPOSITORY) private readonly posts: PostRepository) {}

  async execute(query: GetCalendarQuery): Promise<Calendar> {
    if (!isKnownTimeZone(query.timeZone)) {
      throw InvalidContentInputError.of('timeZone', `unknown time zone "${query.timeZone}"`);
    }
    const range = calendarRange(query.view, query.date, query.timeZone);
    const posts = await this.posts.scheduledBetween(query.tenantId, query.workspaceId, range.from, range.to);
    return {
      range,
      entries: posts.map((post) => {
        const snapshot = post.snapshot();
        return { post: snapshot, local: toLocal(query.timeZone, snapshot.schedule!.publishAt) };
      }),
    };
  }
}
