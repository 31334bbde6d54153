import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Controller, Get, Headers, Inject, NotFoundException, Optional, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PublicEndpoint } from '@chorus/service-kit';
import { CONSOLE_DIR } from './console.tokens.js';

/** Paths that are never the console's, whatever the browser accepts (the API, probes, signed public files). */
const NOT_CONSOLE = /^\/(?:api|health|public)(?:\/|$)/;

/**
 * The console is a single-page app (docs/adr/0020-console.md): its files are served as static assets, and a
 * browser opening any other page path (/channels, /posts/<id>, a reload, a link in an e-mail) gets its
 * index.html, whose router renders the page. API paths and non-HTML requests keep the plain 404.
 */
@ApiExcludeController()
@Controller()
export class ConsoleFallbackHttpController {
  private indexHtml: Promise<string> | undefined;

  constructor(@Optional() @Inject(CONSOLE_DIR) private readonly consoleDir: string | undefined) {}

  @Get('*')
  @PublicEndpoint()
  async page(
    @Req() request: FastifyRequest,
    @Headers('accept') accept: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const path = request.url.split('?')[0] ?? '/';
    if (this.consoleDir === undefined || NOT_CONSOLE.test(path) || accept?.includes('text/html') !== true) {
      throw new NotFoundException(`No route for GET ${path}`);
    }
    this.indexHtml ??= readFile(join(this.consoleDir, 'index.html'), 'utf8');
    // The page itself must not be cached: it names the current build's hashed assets.
    await reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(await this.indexHtml);
  }
}
