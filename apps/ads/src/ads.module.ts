import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { messagingMigrations } from '@chorus/messaging';
import type { ServiceDefinition } from '@chorus/service-kit';
import { CreateAdAccountHandler } from './application/commands/create-ad-account/create-ad-account.handler.js';
import { ListAdAccountsHandler } from './application/queries/list-ad-accounts/list-ad-accounts.handler.js';
import { AdAccountOrmEntity } from './infrastructure/persistence/ad-account.orm-entity.js';
import { AdAccountTypeormRepository } from './infrastructure/persistence/ad-account.typeorm-repository.js';
import { CreateAdAccountTable1767312000000 } from './infrastructure/persistence/migrations/1767312000000-create-ad-account-table.js';
import { AdAccountsHttpController } from './interface/http/ad-accounts.http-controller.js';
import { AD_ACCOUNT_REPOSITORY } from './ads.tokens.js';

@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [AdAccountsHttpController],
  providers: [
    CreateAdAccountHandler,
    ListAdAccountsHandler,
    { provide: AD_ACCOUNT_REPOSITORY, useClass: AdAccountTypeormRepository },
  ],
})
export class AdsModule {}

/** How a host runs the ads service. */
export const adsService: ServiceDefinition = {
  name: 'ads',
  title: 'Chorus ads API',
  description:
    'Ad accounts, campaigns, budgets and results. First slice: the ad accounts a workspace advertises with.',
  module: AdsModule,
  entities: [AdAccountOrmEntity],
  migrations: [...messagingMigrations('ads'), CreateAdAccountTable1767312000000],
  produces: false,
  consumers: [],
  access: 'signed-identity',
  publicPath: '/api/ads',
};
