import { Module } from '@nestjs/common';
import { ConsoleFallbackHttpController } from './console-fallback.http-controller.js';

/**
 * The web console in embedded mode: the host serves its static build and provides CONSOLE_DIR; this module
 * answers page paths with the single-page app. Registered last so that every API route wins.
 */
@Module({ controllers: [ConsoleFallbackHttpController] })
export class ConsoleModule {}
