import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ChannelAccess } from './application/channels/channel-access.adapter.js';
import { MarkChannelReauthRequiredHandler } from './application/commands/mark-channel-reauth-required/mark-channel-reauth-required.handler.js';
import { RecordChannelConnectionHandler } from './application/commands/record-channel-connection/record-channel-connection.handler.js';
import { RefreshChannelCredentialsHandler } from './application/commands/refresh-channel-credentials/refresh-channel-credentials.handler.js';
import { CompleteChannelAuthorizationHandler } from './application/commands/complete-channel-authorization/complete-channel-authorization.handler.js';
import { ConnectChannelWithPasswordHandler } from './application/commands/connect-channel-with-password/connect-channel-with-password.handler.js';
import { DisconnectChannelHandler } from './application/commands/disconnect-channel/disconnect-channel.handler.js';
import { RefreshExpiringChannelsHandler } from './application/commands/refresh-expiring-channels/refresh-expiring-channels.handler.js';
import { ReportChannelReauthHandler } from './application/commands/report-channel-reauth/report-channel-reauth.handler.js';
import { VaultRewrapStatus } from './application/channels/vault-rewrap-status.adapter.js';
import { RewrapChannelSecretsHandler } from './application/commands/rewrap-channel-secrets/rewrap-channel-secrets.handler.js';
import { StartChannelAuthorizationHandler } from './application/commands/start-channel-authorization/start-channel-authorization.handler.js';
import { GetChannelCredentialsHandler } from './application/queries/get-channel-credentials/get-channel-credentials.handler.js';
import { ListChannelsHandler } from './application/queries/list-channels/list-channels.handler.js';
import { AUDIT_LOG, CHANNEL_REPOSITORY, OAUTH_AUTHORIZATION_STORE, UNIT_OF_WORK } from './gateway.tokens.js';
import { AuditLogTypeormRepository } from './infrastructure/persistence/audit-log.typeorm-repository.js';
import { ChannelOrmEntity } from './infrastructure/persistence/channel.orm-entity.js';
import { ChannelTypeormRepository } from './infrastructure/persistence/channel.typeorm-repository.js';
import { CreateChannels1767657600000 } from './infrastructure/persistence/migrations/1767657600000-create-channels.js';
import { OAuthAuthorizationOrmEntity } from './infrastructure/persistence/oauth-authorization.orm-entity.js';
import { OAuthAuthorizationTypeormRepository } from './infrastructure/persistence/oauth-authorization.typeorm-repository.js';
import { TenantUnitOfWork } from './infrastructure/persistence/tenant-unit-of-work.typeorm-repository.js';
import { ChannelMaintenanceWorker } from './infrastructure/scheduling/channel-maintenance.worker.js';
import { ChannelsHttpController } from './interface/http/channels.http-controller.js';
import { InternalChannelsHttpController } from './interface/http/internal-channels.http-controller.js';

/**
 * Channel connections (ADR 0014): connecting accounts through their connector's auth, tokens sealed in the
 * vault, refresh ahead of expiry, reauth-required, and the internal credentials API for services.
 */
@Module({
  imports: [CqrsModule],
  controllers: [ChannelsHttpController, InternalChannelsHttpController],
  providers: [
    ChannelAccess,
    RecordChannelConnectionHandler,
    RefreshChannelCredentialsHandler,
    MarkChannelReauthRequiredHandler,
    StartChannelAuthorizationHandler,
    CompleteChannelAuthorizationHandler,
    ConnectChannelWithPasswordHandler,
    DisconnectChannelHandler,
    RefreshExpiringChannelsHandler,
    ReportChannelReauthHandler,
    RewrapChannelSecretsHandler,
    VaultRewrapStatus,
    ListChannelsHandler,
    GetChannelCredentialsHandler,
    ChannelMaintenanceWorker,
    { provide: CHANNEL_REPOSITORY, useClass: ChannelTypeormRepository },
    { provide: OAUTH_AUTHORIZATION_STORE, useClass: OAuthAuthorizationTypeormRepository },
    { provide: AUDIT_LOG, useClass: AuditLogTypeormRepository },
    { provide: UNIT_OF_WORK, useClass: TenantUnitOfWork },
  ],
  // The two-factor re-wrap pass (the gateway module's) reports to the same operators' status.
  exports: [VaultRewrapStatus],
})
export class ChannelsModule {}

export const channelEntities = [ChannelOrmEntity, OAuthAuthorizationOrmEntity];
export const channelMigrations = [CreateChannels1767657600000];
