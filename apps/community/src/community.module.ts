import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { messagingMigrations } from '@chorus/messaging';
import type { ServiceDefinition } from '@chorus/service-kit';
import { CreateSavedReplyHandler } from './application/commands/create-saved-reply/create-saved-reply.handler.js';
import { ListSavedRepliesHandler } from './application/queries/list-saved-replies/list-saved-replies.handler.js';
import { SavedReplyOrmEntity } from './infrastructure/persistence/saved-reply.orm-entity.js';
import { SavedReplyTypeormRepository } from './infrastructure/persistence/saved-reply.typeorm-repository.js';
import { CreateSavedReplyTable1767312000000 } from './infrastructure/persistence/migrations/1767312000000-create-saved-reply-table.js';
import { SavedRepliesHttpController } from './interface/http/saved-replies.http-controller.js';
import { SAVED_REPLY_REPOSITORY } from './community.tokens.js';

@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [SavedRepliesHttpController],
  providers: [
    CreateSavedReplyHandler,
    ListSavedRepliesHandler,
    { provide: SAVED_REPLY_REPOSITORY, useClass: SavedReplyTypeormRepository },
  ],
})
export class CommunityModule {}

/** How a host runs the community service. */
export const communityService: ServiceDefinition = {
  name: 'community',
  title: 'Chorus community API',
  description: 'Inbox, moderation, crisis handling and leads. First slice: saved replies for the inbox.',
  module: CommunityModule,
  entities: [SavedReplyOrmEntity],
  migrations: [...messagingMigrations('community'), CreateSavedReplyTable1767312000000],
  produces: false,
  consumers: [],
  access: 'signed-identity',
  publicPath: '/api/community',
};
