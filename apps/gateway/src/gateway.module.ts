import { Global, Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule, QueryBus } from '@nestjs/cqrs';
import { messagingMigrations } from '@chorus/messaging';
import {
  EDGE_AUTHENTICATOR,
  SERVICE_LOGGER,
  type EdgeAuthenticator,
  type JsonLogger,
  type ServiceDefinition,
} from '@chorus/service-kit';
import type { MailSender, MailSettings } from './application/ports/mail-sender.port.js';
import { BackgroundMailSender } from './infrastructure/mail/background-mail-sender.adapter.js';
import { MailQueueOrmEntity } from './infrastructure/persistence/mail-queue.orm-entity.js';
import { MailQueueTypeormRepository } from './infrastructure/persistence/mail-queue.typeorm-repository.js';
import { CreateMailQueue1768100000000 } from './infrastructure/persistence/migrations/1768100000000-create-mail-queue.js';
import { mailSenderFor } from './infrastructure/mail/mail-sender-choice.adapter.js';
import { ChangeMemberRolesHandler } from './application/commands/change-member-roles/change-member-roles.handler.js';
import { CreateWorkspaceHandler } from './application/commands/create-workspace/create-workspace.handler.js';
import { InviteMemberHandler } from './application/commands/invite-member/invite-member.handler.js';
import { RemoveMemberHandler } from './application/commands/remove-member/remove-member.handler.js';
import { ListWorkspaceMembersHandler } from './application/queries/list-workspace-members/list-workspace-members.handler.js';
import { MembersHttpController } from './interface/http/members.http-controller.js';
import { WorkspacesHttpController } from './interface/http/workspaces.http-controller.js';
import { RecordAuditEntryHandler } from './application/commands/record-audit-entry/record-audit-entry.handler.js';
import { SealTwoFactorSecretsHandler } from './application/commands/seal-two-factor-secrets/seal-two-factor-secrets.handler.js';
import { SearchAuditLogHandler } from './application/queries/search-audit-log/search-audit-log.handler.js';
import { GoalRetiredKafkaConsumer } from './infrastructure/messaging/goal-retired.kafka-consumer.js';
import { GoalSetKafkaConsumer } from './infrastructure/messaging/goal-set.kafka-consumer.js';
import { PostApprovedKafkaConsumer } from './infrastructure/messaging/post-approved.kafka-consumer.js';
import { PostFailedAuditKafkaConsumer } from './infrastructure/messaging/post-failed.kafka-consumer.js';
import { PostNeedsReviewAuditKafkaConsumer } from './infrastructure/messaging/post-needs-review.kafka-consumer.js';
import { PostPublishedKafkaConsumer } from './infrastructure/messaging/post-published.kafka-consumer.js';
import { PostScheduledKafkaConsumer } from './infrastructure/messaging/post-scheduled.kafka-consumer.js';

import { AuditEntryOrmEntity } from './infrastructure/persistence/audit-entry.orm-entity.js';
import { AuditLogTypeormRepository } from './infrastructure/persistence/audit-log.typeorm-repository.js';
import { CreateAuditLog1767484800000 } from './infrastructure/persistence/migrations/1767484800000-create-audit-log.js';
import { SealTwoFactorAndWebhookSecrets1767744000000 } from './infrastructure/persistence/migrations/1767744000000-seal-two-factor-and-webhook-secrets.js';
import { TenantUnitOfWork } from './infrastructure/persistence/tenant-unit-of-work.typeorm-repository.js';
import { AuditLogHttpController } from './interface/http/audit-log.http-controller.js';
import { CompletePasswordResetHandler } from './application/commands/complete-password-reset/complete-password-reset.handler.js';
import { ConfirmTwoFactorHandler } from './application/commands/confirm-two-factor/confirm-two-factor.handler.js';
import { CreateApiTokenHandler } from './application/commands/create-api-token/create-api-token.handler.js';
import { DisableTwoFactorHandler } from './application/commands/disable-two-factor/disable-two-factor.handler.js';
import { RequestPasswordResetHandler } from './application/commands/request-password-reset/request-password-reset.handler.js';
import { RevokeApiTokenHandler } from './application/commands/revoke-api-token/revoke-api-token.handler.js';
import { SetUpTwoFactorHandler } from './application/commands/set-up-two-factor/set-up-two-factor.handler.js';
import { SignInHandler } from './application/commands/sign-in/sign-in.handler.js';
import { SignOutHandler } from './application/commands/sign-out/sign-out.handler.js';
import { SignUpHandler } from './application/commands/sign-up/sign-up.handler.js';
import { AuthenticateTokenHandler } from './application/queries/authenticate-token/authenticate-token.handler.js';
import { AuthenticateTokenQuery } from './application/queries/authenticate-token/authenticate-token.query.js';
import { GetMeHandler } from './application/queries/get-me/get-me.handler.js';
import { ListApiTokensHandler } from './application/queries/list-api-tokens/list-api-tokens.handler.js';
import { ListOutboxMailHandler } from './application/queries/list-outbox-mail/list-outbox-mail.handler.js';
import { OutboundTargetsAdapter } from './infrastructure/network/outbound-guard.adapter.js';
import { AgencyRolesTypeormRepository } from './infrastructure/persistence/agency-roles.typeorm-repository.js';
import { AgencyRolesAndRefreshClaims1767900000000 } from './infrastructure/persistence/migrations/1767900000000-agency-roles-and-refresh-claims.js';
import {
  AGENCY_ROLES,
  ACCOUNT_REPOSITORY,
  OUTBOUND_TARGETS,
  API_TOKEN_REPOSITORY,
  AUDIT_LOG,
  AUTH_THROTTLE,
  MAIL_OUTBOX_READER,
  MAIL_SENDER,
  BACKGROUND_MAIL_SENDER,
  MAIL_SETTINGS,
  PASSWORD_RESET_REPOSITORY,
  UNIT_OF_WORK,
} from './gateway.tokens.js';
import { MailOutboxTypeormRepository } from './infrastructure/persistence/mail-outbox.typeorm-repository.js';
import { AuthThrottleOrmEntity } from './infrastructure/persistence/auth-throttle.orm-entity.js';
import { AuthThrottleTypeormRepository } from './infrastructure/persistence/auth-throttle.typeorm-repository.js';
import { MailOutboxOrmEntity } from './infrastructure/persistence/mail-outbox.orm-entity.js';
import { PasswordResetOrmEntity } from './infrastructure/persistence/password-reset.orm-entity.js';
import { PasswordResetTypeormRepository } from './infrastructure/persistence/password-reset.typeorm-repository.js';
import { AddCredentialsTables1767398400000 } from './infrastructure/persistence/migrations/1767398400000-add-credentials-tables.js';
import { AccountTypeormRepository } from './infrastructure/persistence/account.typeorm-repository.js';
import { AgencyOrmEntity } from './infrastructure/persistence/agency.orm-entity.js';
import { ApiTokenOrmEntity } from './infrastructure/persistence/api-token.orm-entity.js';
import { ApiTokenTypeormRepository } from './infrastructure/persistence/api-token.typeorm-repository.js';
import { MemberOrmEntity } from './infrastructure/persistence/member.orm-entity.js';
import { MembershipOrmEntity } from './infrastructure/persistence/membership.orm-entity.js';
import { CreateAccountTables1767312000000 } from './infrastructure/persistence/migrations/1767312000000-create-account-tables.js';
import { WorkspaceOrmEntity } from './infrastructure/persistence/workspace.orm-entity.js';
import { ApiTokensHttpController } from './interface/http/api-tokens.http-controller.js';
import { AuthHttpController } from './interface/http/auth.http-controller.js';
import { MailOutboxHttpController } from './interface/http/mail-outbox.http-controller.js';
import { MeHttpController } from './interface/http/me.http-controller.js';
import { PasswordResetHttpController } from './interface/http/password-reset.http-controller.js';
import { ServiceProxyHttpController } from './interface/http/service-proxy.http-controller.js';
import { SecurityHeadersMiddleware } from './interface/http/security-headers.middleware.js';
import { SessionCookieMiddleware } from './interface/http/session-cookie.middleware.js';
import { SessionHttpController } from './interface/http/session.http-controller.js';
import { SessionProblemFilter } from './interface/http/session-problem.filter.js';
import { TwoFactorHttpController } from './interface/http/two-factor.http-controller.js';
import { ChannelsModule, channelEntities, channelMigrations } from './channels.module.js';
import {
  NotificationsModule,
  notificationConsumers,
  notificationMigrations,
} from './notifications/notifications.module.js';
import { PublicApprovalLinkProxyHttpController } from './interface/http/public-approval-link-proxy.http-controller.js';
import { PublicWebhookProxyHttpController } from './interface/http/public-webhook-proxy.http-controller.js';
import { PublicContentFilesProxyHttpController } from './interface/http/public-content-files-proxy.http-controller.js';
import { ContentUploadBodyParser } from './interface/http/content-upload-body.mapper.js';
import { ConsoleModule } from './console/console.module.js';

/** Other services' events the audit log records (who did what to which object). */
const auditConsumers = [
  GoalSetKafkaConsumer,
  GoalRetiredKafkaConsumer,
  PostScheduledKafkaConsumer,
  PostApprovedKafkaConsumer,
  PostPublishedKafkaConsumer,
  PostFailedAuditKafkaConsumer,
  PostNeedsReviewAuditKafkaConsumer,
];

/** Global so that the kit's edge guard finds EDGE_AUTHENTICATOR. */
@Global()
@Module({
  imports: [CqrsModule.forRoot(), ChannelsModule, NotificationsModule, ConsoleModule],
  controllers: [
    AuthHttpController,
    SessionHttpController,
    PasswordResetHttpController,
    TwoFactorHttpController,
    ApiTokensHttpController,
    MailOutboxHttpController,
    MembersHttpController,
    WorkspacesHttpController,
    AuditLogHttpController,
    MeHttpController,
    ServiceProxyHttpController,
    PublicWebhookProxyHttpController,
    PublicApprovalLinkProxyHttpController,
    PublicContentFilesProxyHttpController,
  ],
  providers: [
    ContentUploadBodyParser,
    SignUpHandler,
    SignInHandler,
    SignOutHandler,
    AuthenticateTokenHandler,
    GetMeHandler,
    CreateApiTokenHandler,
    RevokeApiTokenHandler,
    SetUpTwoFactorHandler,
    ConfirmTwoFactorHandler,
    DisableTwoFactorHandler,
    RequestPasswordResetHandler,
    CompletePasswordResetHandler,
    ListApiTokensHandler,
    ListOutboxMailHandler,
    InviteMemberHandler,
    ChangeMemberRolesHandler,
    RemoveMemberHandler,
    CreateWorkspaceHandler,
    ListWorkspaceMembersHandler,
    RecordAuditEntryHandler,
    SearchAuditLogHandler,
    SealTwoFactorSecretsHandler,
    ...auditConsumers,
    { provide: AUDIT_LOG, useClass: AuditLogTypeormRepository },
    { provide: UNIT_OF_WORK, useClass: TenantUnitOfWork },
    { provide: AGENCY_ROLES, useClass: AgencyRolesTypeormRepository },
    { provide: OUTBOUND_TARGETS, useClass: OutboundTargetsAdapter },
    { provide: ACCOUNT_REPOSITORY, useClass: AccountTypeormRepository },
    { provide: API_TOKEN_REPOSITORY, useClass: ApiTokenTypeormRepository },
    { provide: PASSWORD_RESET_REPOSITORY, useClass: PasswordResetTypeormRepository },
    { provide: AUTH_THROTTLE, useClass: AuthThrottleTypeormRepository },
    MailOutboxTypeormRepository,
    {
      provide: MAIL_SENDER,
      inject: [MailOutboxTypeormRepository, SERVICE_LOGGER, { token: MAIL_SETTINGS, optional: true }],
      useFactory: mailSenderFor,
    },
    MailQueueTypeormRepository,
    {
      provide: BACKGROUND_MAIL_SENDER,
      inject: [
        MAIL_SENDER,
        MailQueueTypeormRepository,
        SERVICE_LOGGER,
        { token: MAIL_SETTINGS, optional: true },
      ],
      // Through SMTP, queued in PostgreSQL and sent after the answer (ADR 0029); the local outbox in place.
      useFactory: (
        sender: MailSender,
        queue: MailQueueTypeormRepository,
        logger: JsonLogger,
        settings: MailSettings | undefined,
      ) => new BackgroundMailSender(sender, settings?.smtpUrl === undefined ? null : queue, logger),
    },
    { provide: MAIL_OUTBOX_READER, useExisting: MailOutboxTypeormRepository },
    { provide: APP_FILTER, useClass: SessionProblemFilter },
    {
      provide: EDGE_AUTHENTICATOR,
      inject: [QueryBus],
      useFactory: (queries: QueryBus): EdgeAuthenticator => ({
        authenticate: (token) => queries.execute(new AuthenticateTokenQuery(token)),
      }),
    },
  ],
  // The notification centre mails through the same sender and audits its webhooks in the same log.
  exports: [EDGE_AUTHENTICATOR, MAIL_SENDER, AUDIT_LOG, UNIT_OF_WORK, AGENCY_ROLES, OUTBOUND_TARGETS],
})
export class GatewayModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(SecurityHeadersMiddleware, SessionCookieMiddleware)
      .forRoutes({ path: '*path', method: RequestMethod.ALL });
  }
}

/** How a host runs the gateway; the host also provides UPSTREAMS and IDENTITY_SIGNING_KEY. */
export const gatewayService: ServiceDefinition = {
  name: 'gateway',
  title: 'Chorus gateway API',
  description:
    'Sign-up, sign-in (API tokens and browser sessions), two-factor sign-in, password reset, API tokens and the ' +
    'signed-in member. Every other /api/<service>/... path is proxied to that service.',
  module: GatewayModule,
  entities: [
    AgencyOrmEntity,
    WorkspaceOrmEntity,
    MemberOrmEntity,
    MembershipOrmEntity,
    ApiTokenOrmEntity,
    PasswordResetOrmEntity,
    MailOutboxOrmEntity,
    MailQueueOrmEntity,
    AuthThrottleOrmEntity,
    AuditEntryOrmEntity,
    ...channelEntities,
  ],
  migrations: [
    ...messagingMigrations('gateway'),
    CreateAccountTables1767312000000,
    AddCredentialsTables1767398400000,
    CreateAuditLog1767484800000,
    ...channelMigrations,
    ...notificationMigrations,
    // After the notification tables: it seals columns of both (ADR 0013).
    SealTwoFactorAndWebhookSecrets1767744000000,
    // After the channel and notification tables: it adds columns to both (ADR 0018).
    AgencyRolesAndRefreshClaims1767900000000,
    CreateMailQueue1768100000000,
  ],
  // ChannelConnected, ChannelDisconnected, ChannelReauthRequired (never a token).
  produces: true,
  // Actions other services report through their events, written to the audit log.
  consumers: [...auditConsumers, ...notificationConsumers],
  access: 'edge',
  publicPath: '/',
};
