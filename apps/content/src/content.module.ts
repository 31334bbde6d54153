import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { messagingMigrations } from '@chorus/messaging';
import type { ServiceDefinition } from '@chorus/service-kit';
import { CreateCampaignHandler } from './application/commands/create-campaign/create-campaign.handler.js';
import { ListCampaignsHandler } from './application/queries/list-campaigns/list-campaigns.handler.js';
import { CampaignOrmEntity } from './infrastructure/persistence/campaign.orm-entity.js';
import { CampaignTypeormRepository } from './infrastructure/persistence/campaign.typeorm-repository.js';
import { CreateCampaignTable1767312000000 } from './infrastructure/persistence/migrations/1767312000000-create-campaign-table.js';
import { CampaignsHttpController } from './interface/http/campaigns.http-controller.js';
import { CAMPAIGN_REPOSITORY } from './content.tokens.js';

@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [CampaignsHttpController],
  providers: [
    CreateCampaignHandler,
    ListCampaignsHandler,
    { provide: CAMPAIGN_REPOSITORY, useClass: CampaignTypeormRepository },
  ],
})
export class ContentModule {}

/** How a host runs the content service. */
export const contentService: ServiceDefinition = {
  name: 'content',
  title: 'Chorus content API',
  description: 'Composition, calendar, approvals and publishing. First slice: campaigns that group posts.',
  module: ContentModule,
  entities: [CampaignOrmEntity],
  migrations: [...messagingMigrations('content'), CreateCampaignTable1767312000000],
  produces: false,
  consumers: [],
  access: 'signed-identity',
  publicPath: '/api/content',
};
