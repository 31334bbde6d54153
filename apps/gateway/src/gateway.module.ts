import { Global, Module } from '@nestjs/common';
import { CqrsModule, QueryBus } from '@nestjs/cqrs';
import { messagingMigrations } from '@chorus/messaging';
import { EDGE_AUTHENTICATOR, type EdgeAuthenticator, type ServiceDefinition } from '@chorus/service-kit';
import { SignInHandler } from './application/commands/sign-in/sign-in.handler.js';
import { SignOutHandler } from './application/commands/sign-out/sign-out.handler.js';
import { SignUpHandler } from './application/commands/sign-up/sign-up.handler.js';
import { AuthenticateTokenHandler } from './application/queries/authenticate-token/authenticate-token.handler.js';
import { AuthenticateTokenQuery } from './application/queries/authenticate-token/authenticate-token.query.js';
import { GetMeHandler } from './application/queries/get-me/get-me.handler.js';
import { ACCOUNT_REPOSITORY, API_TOKEN_REPOSITORY } from './gateway.tokens.js';
import { AccountTypeormRepository } from './infrastructure/persistence/account.typeorm-repository.js';
import { AgencyOrmEntity } from './infrastructure/persistence/agency.orm-entity.js';
import { ApiTokenOrmEntity } from './infrastructure/persistence/api-token.orm-entity.js';
import { ApiTokenTypeormRepository } from './infrastructure/persistence/api-token.typeorm-repository.js';
import { MemberOrmEntity } from './infrastructure/persistence/member.orm-entity.js';
import { MembershipOrmEntity } from './infrastructure/persistence/membership.orm-entity.js';
import { CreateAccountTables1767312000000 } from './infrastructure/persistence/migrations/1767312000000-create-account-tables.js';
import { WorkspaceOrmEntity } from './infrastructure/persistence/workspace.orm-entity.js';
import { AuthHttpController } from './interface/http/auth.http-controller.js';
import { MeHttpController } from './interface/http/me.http-controller.js';
import { ServiceProxyHttpController } from './interface/http/service-proxy.http-controller.js';

/** Global so that the kit's edge guard finds EDGE_AUTHENTICATOR. */
@Global()
@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [AuthHttpController, MeHttpController, ServiceProxyHttpController],
  providers: [
    SignUpHandler,
    SignInHandler,
    SignOutHandler,
    AuthenticateTokenHandler,
    GetMeHandler,
    { provide: ACCOUNT_REPOSITORY, useClass: AccountTypeormRepository },
    { provide: API_TOKEN_REPOSITORY, useClass: ApiTokenTypeormRepository },
    {
      provide: EDGE_AUTHENTICATOR,
      inject: [QueryBus],
      useFactory: (queries: QueryBus): EdgeAuthenticator => ({
        authenticate: (token) => queries.execute(new AuthenticateTokenQuery(token)),
      }),
    },
  ],
  exports: [EDGE_AUTHENTICATOR],
})
export class GatewayModule {}

/** How a host runs the gateway; the host also provides UPSTREAMS and IDENTITY_SIGNING_KEY. */
export const gatewayService: ServiceDefinition = {
  name: 'gateway',
  title: 'Chorus gateway API',
  description:
    'Sign-up, sign-in and the signed-in member. Every other /api/<service>/... path is proxied to that service.',
  module: GatewayModule,
  entities: [AgencyOrmEntity, WorkspaceOrmEntity, MemberOrmEntity, MembershipOrmEntity, ApiTokenOrmEntity],
  migrations: [...messagingMigrations('gateway'), CreateAccountTables1767312000000],
  produces: false,
  consumers: [],
  access: 'edge',
  publicPath: '/',
};
