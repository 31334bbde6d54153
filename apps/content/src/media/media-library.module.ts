import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Provider, Type } from '@nestjs/common';
import { DeleteMediaHandler } from './application/commands/delete-media/delete-media.handler.js';
import { EditMediaHandler } from './application/commands/edit-media/edit-media.handler.js';
import { MakeDerivativesHandler } from './application/commands/make-derivatives/make-derivatives.handler.js';
import { UploadMediaHandler } from './application/commands/upload-media/upload-media.handler.js';
import type { MediaLibraryOptions } from './application/ports/media-library-options.port.js';
import type { MediaStorage } from './application/ports/media-storage.port.js';
import { AttachLibraryMediaHandler } from './application/queries/attach-library-media/attach-library-media.handler.js';
import { GetMediaHandler } from './application/queries/get-media/get-media.handler.js';
import { ListMediaHandler } from './application/queries/list-media/list-media.handler.js';
import { OpenPublicMediaHandler } from './application/queries/open-public-media/open-public-media.handler.js';
import { RefreshPostMediaHandler } from './application/queries/refresh-post-media/refresh-post-media.handler.js';
import { CreateMediaTables1767748321937 } from './infrastructure/persistence/migrations/1767748321937-create-media-tables.js';
import { MediaTypeormRepository } from './infrastructure/persistence/media.typeorm-repository.js';
import { HmacMediaUrls } from './infrastructure/storage/hmac-media-urls.adapter.js';
import { LocalDiskMediaStorage } from './infrastructure/storage/local-disk-media-storage.adapter.js';
import { SharpImageTransformer } from './infrastructure/storage/sharp-image-transformer.adapter.js';
import { MediaHttpController } from './interface/http/media.http-controller.js';
import { PublicMediaHttpController } from './interface/http/public-media.http-controller.js';
import { UPLOAD_LIMIT } from './interface/http/upload-body.mapper.js';
import {
  IMAGE_TRANSFORMER,
  MEDIA_LIBRARY_OPTIONS,
  MEDIA_REPOSITORY,
  MEDIA_STORAGE,
  MEDIA_STORAGE_PORT,
  MEDIA_URLS,
} from './media.tokens.js';

const DEFAULT_UPLOAD_LIMIT = 100 * 1024 * 1024;
const DEFAULT_URL_LIFETIME_SECONDS = 7 * 24 * 3600;

// The media library's parts, registered by ContentModule (docs/adr/0023-media-library-and-calendar-exchange.md).

export const mediaLibraryControllers: Type<unknown>[] = [MediaHttpController, PublicMediaHttpController];

export const mediaLibraryMigrations = [CreateMediaTables1767748321937];

const optionsOf = (given: MediaLibraryOptions | undefined): MediaLibraryOptions => given ?? {};

export const mediaLibraryProviders: Provider[] = [
  UploadMediaHandler,
  EditMediaHandler,
  DeleteMediaHandler,
  MakeDerivativesHandler,
  ListMediaHandler,
  GetMediaHandler,
  OpenPublicMediaHandler,
  AttachLibraryMediaHandler,
  RefreshPostMediaHandler,
  { provide: MEDIA_REPOSITORY, useClass: MediaTypeormRepository },
  { provide: IMAGE_TRANSFORMER, useClass: SharpImageTransformer },
  {
    provide: MEDIA_STORAGE_PORT,
    inject: [
      { token: MEDIA_STORAGE, optional: true },
      { token: MEDIA_LIBRARY_OPTIONS, optional: true },
    ],
    useFactory: (host: MediaStorage | undefined, given: MediaLibraryOptions | undefined): MediaStorage =>
      host ?? new LocalDiskMediaStorage(optionsOf(given).storageDir ?? join(tmpdir(), 'chorus-media')),
  },
  {
    provide: MEDIA_URLS,
    inject: [{ token: MEDIA_LIBRARY_OPTIONS, optional: true }],
    useFactory: (given: MediaLibraryOptions | undefined) => {
      const o = optionsOf(given);
      // Without a host key, links die with the process: fine for tests, wrong for a real host (it passes one).
      return new HmacMediaUrls(
        o.signingKey ?? randomBytes(32),
        (o.publicUrl ?? 'http://localhost:3000/api/content').replace(/\/+$/, ''),
        o.urlLifetimeSeconds ?? DEFAULT_URL_LIFETIME_SECONDS,
      );
    },
  },
  {
    provide: UPLOAD_LIMIT,
    inject: [{ token: MEDIA_LIBRARY_OPTIONS, optional: true }],
    useFactory: (given: MediaLibraryOptions | undefined) =>
      optionsOf(given).maxUploadBytes ?? DEFAULT_UPLOAD_LIMIT,
  },
];

export type { MediaLibraryOptions };
