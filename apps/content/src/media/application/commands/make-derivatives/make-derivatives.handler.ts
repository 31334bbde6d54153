import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@chorus/contracts';
import type { ChannelDirectory } from '../../../../application/ports/channel-directory.port.js';
import type { PublishConnectors } from '../../../../application/ports/publish-connectors.port.js';
import { CHANNEL_DIRECTORY, PUBLISH_CONNECTORS } from '../../../../content.tokens.js';
import { ContentNotFoundError } from '../../../../domain/content.errors.js';
import { planDerivative } from '../../../domain/derivative-plan.value-object.js';
import { storageKeyOf, type MediaDerivative } from '../../../domain/media-asset.value-object.js';
import { IMAGE_TRANSFORMER, MEDIA_REPOSITORY, MEDIA_STORAGE_PORT } from '../../../media.tokens.js';
import type { ImageTransformer } from '../../ports/image-transformer.port.js';
import type { MediaRepository } from '../../ports/media-repository.port.js';
import type { MediaStorage } from '../../ports/media-storage.port.js';
import { MakeDerivativesCommand } from './make-derivatives.command.js';

/**
 * Per-network derivatives: for every network of the workspace's channels whose connector's image rule the
 * original breaks (type, aspect ratio, size, bytes), a crop / resize / re-encoding that fits. The file is
 * written before its row, so a row always has its bytes.
 */
@CommandHandler(MakeDerivativesCommand)
export class MakeDerivativesHandler implements ICommandHandler<MakeDerivativesCommand> {
  constructor(
    @Inject(MEDIA_REPOSITORY) private readonly media: MediaRepository,
    @Inject(MEDIA_STORAGE_PORT) private readonly storage: MediaStorage,
    @Inject(IMAGE_TRANSFORMER) private readonly images: ImageTransformer,
    @Inject(CHANNEL_DIRECTORY) private readonly channels: ChannelDirectory,
    @Optional() @Inject(PUBLISH_CONNECTORS) private readonly connectors: PublishConnectors | null,
  ) {}

  async execute({ data }: MakeDerivativesCommand): Promise<MediaDerivative[]> {
    const asset = await this.media.find(data.tenantId, data.workspaceId, data.mediaId);
    if (asset === null) {
      throw new ContentNotFoundError(`No media ${data.mediaId} in this workspace's library`);
    }
    const networks = new Set(
      (await this.channels.list(data.tenantId, data.workspaceId))
        .filter((c) => c.status !== 'disconnected')
        .map((c) => c.network),
    );
    const made: MediaDerivative[] = [];
    let original: Buffer | null = null;
    for (const network of [...networks].sort()) {
      const limits = this.connectors?.find(network)?.profile.media;
      const plan = planDerivative(asset, network, limits);
      if (plan === null) {
        continue;
      }
      original ??= await this.storage.read(storageKeyOf(asset));
      if (original === null) {
        throw new ContentNotFoundError(
          `The file of media ${asset.id} is missing from storage; upload it again`,
        );
      }
      const image = await this.images.render(original, plan);
      const derivative: MediaDerivative = {
        id: uuidv7(),
        network,
        mimeType: image.mimeType,
        sizeBytes: image.bytes.length,
        width: image.width,
        height: image.height,
        description: plan.description,
      };
      await this.storage.write(storageKeyOf(asset, derivative.id), image.bytes);
      const previous = asset.derivatives.find((d) => d.network === network);
      await this.media.putDerivative(data.tenantId, asset.id, derivative);
      if (previous !== undefined) {
        await this.storage.remove(storageKeyOf(asset, previous.id));
      }
      made.push(derivative);
    }
    const kept = asset.derivatives.filter((d) => !made.some((m) => m.network === d.network));
    return [...kept, ...made].sort((a, b) => a.network.localeCompare(b.network));
  }
}
