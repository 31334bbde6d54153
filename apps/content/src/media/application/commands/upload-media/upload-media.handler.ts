import { createHash } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@chorus/contracts';
import { InvalidContentInputError } from '../../../../domain/content.errors.js';
import { storageKeyOf, type MediaAsset } from '../../../domain/media-asset.value-object.js';
import { checkUpload } from '../../../domain/upload-check.value-object.js';
import { IMAGE_TRANSFORMER, MEDIA_REPOSITORY, MEDIA_STORAGE_PORT } from '../../../media.tokens.js';
import type { ImageTransformer } from '../../ports/image-transformer.port.js';
import type { MediaRepository } from '../../ports/media-repository.port.js';
import type { MediaStorage } from '../../ports/media-storage.port.js';
import { MakeDerivativesCommand } from '../make-derivatives/make-derivatives.command.js';
import { UploadMediaCommand } from './upload-media.command.js';

/**
 * Adds a file to the library once its bytes say what it is; then makes the derivatives the workspace's
 * networks need. A refused upload stores nothing: the file is written only after every check, and removed
 * again if its row cannot be written.
 */
@CommandHandler(UploadMediaCommand)
export class UploadMediaHandler implements ICommandHandler<UploadMediaCommand> {
  constructor(
    @Inject(MEDIA_REPOSITORY) private readonly media: MediaRepository,
    @Inject(MEDIA_STORAGE_PORT) private readonly storage: MediaStorage,
    @Inject(IMAGE_TRANSFORMER) private readonly images: ImageTransformer,
    private readonly commands: CommandBus,
  ) {}

  async execute({ data }: UploadMediaCommand): Promise<MediaAsset> {
    const checked = checkUpload(data);
    if (!checked.ok) {
      throw new InvalidContentInputError(checked.problems);
    }
    let { width, height } = checked.media;
    if (checked.media.kind !== 'video') {
      const shown = await this.images.displaySize(data.bytes);
      if (shown === null) {
        throw InvalidContentInputError.of(
          'file',
          `the file starts like ${checked.media.mimeType} but cannot be decoded; it is damaged or not an image`,
        );
      }
      ({ width, height } = shown);
    }
    const asset: MediaAsset = {
      id: uuidv7(),
      tenantId: data.tenantId,
      workspaceId: data.workspaceId,
      kind: checked.media.kind,
      mimeType: checked.media.mimeType,
      sizeBytes: data.bytes.length,
      width,
      height,
      durationSeconds: checked.media.durationSeconds,
      altText: data.altText,
      fileName: data.fileName,
      sha256: createHash('sha256').update(data.bytes).digest('hex'),
      createdAt: new Date(),
      createdBy: data.by,
      derivatives: [],
    };
    const key = storageKeyOf(asset);
    await this.storage.write(key, data.bytes);
    try {
      await this.media.add(asset);
    } catch (error) {
      await this.storage.remove(key);
      throw error;
    }
    const derivatives = await this.commands.execute(
      new MakeDerivativesCommand({
        tenantId: data.tenantId,
        workspaceId: data.workspaceId,
        mediaId: asset.id,
      }),
    );
    return { ...asset, derivatives };
  }
}
