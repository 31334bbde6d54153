import type { DynamicModule, Type } from '@nestjs/common';
import type { MessageHandler } from '@chorus/messaging';
import type { MigrationInterface } from 'typeorm';

/** What an app tells the kit about itself; the same definition runs embedded and standalone. */
export interface ServiceDefinition {
  /** Service and schema name: lower case, e.g. 'strategy'. */
  readonly name: string;
  /** For OpenAPI: 'Chorus strategy API'. */
  readonly title: string;
  readonly description: string;
  /** The service's bounded-context module (CqrsModule, controllers, handlers, repositories). */
  readonly module: Type<unknown> | DynamicModule;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for entity classes
  readonly entities: readonly Function[];
  /** Its own migrations, the messaging tables first. */
  readonly migrations: readonly (new () => MigrationInterface)[];
  /** Relays its outbox (it emits integration events). */
  readonly produces: boolean;
  /** Providers of the module that consume integration events; registered with the bus under the service's group. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- handlers of different payload types share a list
  readonly consumers: readonly Type<MessageHandler<any>>[];
  /**
   * 'signed-identity': requests must carry the gateway's signed identity (every service).
   * 'edge': bearer tokens, through the EDGE_AUTHENTICATOR the module provides (the gateway).
   */
  readonly access: 'signed-identity' | 'edge';
  /** Where the gateway exposes it, for the OpenAPI `servers` entry: '/api/strategy'. */
  readonly publicPath: string;
}
