import {
  BadRequestException,
  Controller,
  ForbiddenException,
  Get,
  NotFoundException,
  Req,
  Res,
} from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiExcludeEndpoint,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { PublicEndpoint, QuerySchema, ValidParam, ValidQuery } from '@chorus/service-kit';
import { OpenPublicMediaQuery } from '../../application/queries/open-public-media/open-public-media.query.js';

export const SignedQueryDto = z.object({
  expires: z.coerce.number().int().positive().describe('Unix seconds after which the link stops working'),
  signature: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be the signature the link was given with'),
});

/** The longest key a media link can name: tenant, workspace, file and derivative ids (4 UUIDs, 3 slashes). */
export const MAX_MEDIA_KEY_LENGTH = 4 * 36 + 3;

/**
 * Media served by signed, expiring links, without a Chorus identity: networks (Instagram, Threads, ...) fetch
 * the files they publish from a URL. The signature names the one file and its expiry.
 */
@ApiTags('media')
@Controller('public/media')
export class PublicMediaHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':tenantId/:workspaceId/:mediaId')
  @PublicEndpoint()
  @ApiOperation({ summary: 'A library file, by a signed link (no sign-in)' })
  @QuerySchema(SignedQueryDto)
  @ApiForbiddenResponse({ description: 'The link is forged, altered or expired' })
  @ApiNotFoundResponse({ description: 'The file was deleted' })
  async original(
    @ValidParam('tenantId', z.uuid()) tenantId: string,
    @ValidParam('workspaceId', z.uuid()) workspaceId: string,
    @ValidParam('mediaId', z.uuid()) mediaId: string,
    @ValidQuery(SignedQueryDto) query: z.infer<typeof SignedQueryDto>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.serve({ tenantId, workspaceId, mediaId, derivativeId: null }, query, reply);
  }

  @Get(':tenantId/:workspaceId/:mediaId/:derivativeId')
  @PublicEndpoint()
  @ApiOperation({ summary: "A file's derivative for one network, by a signed link (no sign-in)" })
  @QuerySchema(SignedQueryDto)
  @ApiForbiddenResponse({ description: 'The link is forged, altered or expired' })
  @ApiNotFoundResponse({ description: 'The file was deleted' })
  async derivative(
    @ValidParam('tenantId', z.uuid()) tenantId: string,
    @ValidParam('workspaceId', z.uuid()) workspaceId: string,
    @ValidParam('mediaId', z.uuid()) mediaId: string,
    @ValidParam('derivativeId', z.uuid()) derivativeId: string,
    @ValidQuery(SignedQueryDto) query: z.infer<typeof SignedQueryDto>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.serve({ tenantId, workspaceId, mediaId, derivativeId }, query, reply);
  }

  // Any other path under public/media. The router refuses a path segment over 100 characters itself (414,
  // echoing it back); such a key, or any key longer than a link can name, is answered here with a 400 instead,
  // before anything is looked up or any signature computed over it.
  @Get('*')
  @PublicEndpoint()
  @ApiExcludeEndpoint()
  unknown(@Req() request: FastifyRequest): never {
    const key = (request.params as Record<string, string | undefined>)['*'] ?? '';
    if (key.length > MAX_MEDIA_KEY_LENGTH) {
      throw new BadRequestException(
        `The media key in this link is ${key.length} characters long; a Chorus media link names at most ` +
          `${MAX_MEDIA_KEY_LENGTH} (tenant/workspace/media[/derivative] ids). Copy the whole link again.`,
      );
    }
    throw new NotFoundException(
      'No media link has this form: /public/media/<tenant>/<workspace>/<media>[/<derivative>]',
    );
  }

  private async serve(
    ref: OpenPublicMediaQuery['ref'],
    query: z.infer<typeof SignedQueryDto>,
    reply: FastifyReply,
  ): Promise<void> {
    const media = await this.queries.execute(new OpenPublicMediaQuery(ref, query.expires, query.signature));
    if (!media.ok) {
      throw media.status === 403 ? new ForbiddenException(media.reason) : new NotFoundException(media.reason);
    }
    await reply
      .status(200)
      .header('content-type', media.mimeType)
      .header('cache-control', 'private, max-age=300')
      .header('x-content-type-options', 'nosniff')
      .send(media.bytes);
  }
}
