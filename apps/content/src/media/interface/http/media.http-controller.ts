import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Patch,
  Post,
  Req,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Identity } from '@chorus/access';
import {
  BadRequestDoc,
  BodySchema,
  CurrentIdentity,
  NotFoundDoc,
  QuerySchema,
  RequirePermission,
  ResponseSchema,
  ValidBody,
  ValidParam,
  ValidQuery,
} from '@chorus/service-kit';
import { InvalidContentInputError } from '../../../domain/content.errors.js';
import { DeleteMediaCommand } from '../../application/commands/delete-media/delete-media.command.js';
import { EditMediaCommand } from '../../application/commands/edit-media/edit-media.command.js';
import { MakeDerivativesCommand } from '../../application/commands/make-derivatives/make-derivatives.command.js';
import { UploadMediaCommand } from '../../application/commands/upload-media/upload-media.command.js';
import type { MediaUrls } from '../../application/ports/media-urls.port.js';
import { GetMediaQuery } from '../../application/queries/get-media/get-media.query.js';
import { ListMediaQuery } from '../../application/queries/list-media/list-media.query.js';
import { MEDIA_URLS } from '../../media.tokens.js';
import { UPLOAD_LIMIT, installUploadParser } from './upload-body.mapper.js';
import {
  EditMediaBody,
  ListMediaQueryDto,
  MediaDto,
  MediaListDto,
  UploadMediaQueryDto,
  toMediaDto,
} from './dto/media.dto.js';

/** The workspace's media library. Uploads are the raw bytes as the body; the bytes decide the type. */
@ApiTags('media')
@Controller('media')
export class MediaHttpController implements OnModuleInit {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly http: HttpAdapterHost,
    @Inject(MEDIA_URLS) private readonly urls: MediaUrls,
    @Inject(UPLOAD_LIMIT) private readonly maxUploadBytes: number,
  ) {}

  onModuleInit(): void {
    installUploadParser(this.http.httpAdapter.getInstance<FastifyInstance>(), this.maxUploadBytes);
  }

  @Post()
  @HttpCode(201)
  // media:write, not campaign:write: designers upload what they deliver without writing posts (ADR 0022).
  @RequirePermission('media:write')
  @ApiOperation({
    summary: 'Upload a file to the library',
    description:
      'The body is the file itself (Content-Type application/octet-stream, or the image/video type it is). ' +
      'JPEG, PNG, GIF, WebP, MP4 and MOV are accepted; the type, dimensions and duration are read from the ' +
      'bytes. An empty file, an unknown type, a name or Content-Type that disagrees with the bytes is a 400, a ' +
      'file over the limit a 413; nothing is stored. Derivatives are made for the networks of the workspace.',
  })
  @ApiConsumes(
    'application/octet-stream',
    'image/jpeg',
    'image/png',
    'image/gif',
    'image/webp',
    'video/mp4',
    'video/quicktime',
  )
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @QuerySchema(UploadMediaQueryDto)
  @ResponseSchema(201, MediaDto, 'The file as the library keeps it')
  @BadRequestDoc()
  @ApiPayloadTooLargeResponse({ description: 'The file is over the upload limit' })
  async upload(
    @CurrentIdentity() identity: Identity,
    @ValidQuery(UploadMediaQueryDto) query: z.infer<typeof UploadMediaQueryDto>,
    @Req() request: FastifyRequest,
  ): Promise<MediaDto> {
    const body: unknown = request.body;
    if (!Buffer.isBuffer(body)) {
      throw InvalidContentInputError.of(
        'file',
        'send the file itself as the body, with Content-Type application/octet-stream or its image/video type',
      );
    }
    const asset = await this.commands.execute(
      new UploadMediaCommand({
        tenantId: identity.tenantId,
        workspaceId: identity.workspaceId,
        by: identity.userId,
        bytes: body,
        fileName: query.fileName ?? null,
        declaredType: request.headers['content-type'] ?? null,
        altText: query.altText === undefined || query.altText === '' ? null : query.altText,
      }),
    );
    return toMediaDto(asset, this.urls);
  }

  @Get()
  @RequirePermission('campaign:read')
  @ApiOperation({ summary: "The workspace's media library, newest first" })
  @QuerySchema(ListMediaQueryDto)
  @ResponseSchema(200, MediaListDto, 'The files')
  @BadRequestDoc()
  async list(
    @CurrentIdentity() identity: Identity,
    @ValidQuery(ListMediaQueryDto) query: z.infer<typeof ListMediaQueryDto>,
  ): Promise<z.infer<typeof MediaListDto>> {
    const assets = await this.queries.execute(
      new ListMediaQuery(identity.tenantId, identity.workspaceId, query.kind),
    );
    return { items: assets.map((a) => toMediaDto(a, this.urls)) };
  }

  @Get(':mediaId')
  @RequirePermission('campaign:read')
  @ApiOperation({ summary: 'One file of the library, with its derivatives' })
  @ResponseSchema(200, MediaDto, 'The file')
  @NotFoundDoc('media')
  async get(
    @CurrentIdentity() identity: Identity,
    @ValidParam('mediaId', z.uuid()) mediaId: string,
  ): Promise<MediaDto> {
    const asset = await this.queries.execute(
      new GetMediaQuery(identity.tenantId, identity.workspaceId, mediaId),
    );
    return toMediaDto(asset, this.urls);
  }

  @Patch(':mediaId')
  @RequirePermission('media:write')
  @ApiOperation({
    summary: "Edit a file's alt text",
    description:
      'Posts attached afterwards take it; posts already holding the file keep the alt text they have.',
  })
  @BodySchema(EditMediaBody)
  @ResponseSchema(200, MediaDto, 'The file after the edit')
  @BadRequestDoc()
  @NotFoundDoc('media')
  async edit(
    @CurrentIdentity() identity: Identity,
    @ValidParam('mediaId', z.uuid()) mediaId: string,
    @ValidBody(EditMediaBody) body: EditMediaBody,
  ): Promise<MediaDto> {
    const altText = body.altText === null || body.altText === '' ? null : body.altText;
    await this.commands.execute(
      new EditMediaCommand({
        tenantId: identity.tenantId,
        workspaceId: identity.workspaceId,
        mediaId,
        altText,
      }),
    );
    return this.get(identity, mediaId);
  }

  @Delete(':mediaId')
  @HttpCode(204)
  @RequirePermission('campaign:write')
  @ApiOperation({
    summary: 'Delete a file and its derivatives',
    description: 'Refused (409, naming the posts) while a scheduled post uses it.',
  })
  @NotFoundDoc('media')
  @ApiConflictResponse({ description: 'A scheduled post uses the file' })
  async remove(
    @CurrentIdentity() identity: Identity,
    @ValidParam('mediaId', z.uuid()) mediaId: string,
  ): Promise<void> {
    await this.commands.execute(
      new DeleteMediaCommand({ tenantId: identity.tenantId, workspaceId: identity.workspaceId, mediaId }),
    );
  }

  @Post(':mediaId/derivatives')
  @HttpCode(200)
  @RequirePermission('media:write')
  @ApiOperation({
    summary: "Make the file's derivatives again",
    description:
      "For every network of the workspace's channels whose limits (type, aspect ratio, size, bytes) the " +
      'original breaks: after connecting a new channel, for example. Videos have none.',
  })
  @ResponseSchema(200, MediaDto, 'The file with its derivatives')
  @NotFoundDoc('media')
  async makeDerivatives(
    @CurrentIdentity() identity: Identity,
    @ValidParam('mediaId', z.uuid()) mediaId: string,
  ): Promise<MediaDto> {
    await this.commands.execute(
      new MakeDerivativesCommand({ tenantId: identity.tenantId, workspaceId: identity.workspaceId, mediaId }),
    );
    return this.get(identity, mediaId);
  }
}
