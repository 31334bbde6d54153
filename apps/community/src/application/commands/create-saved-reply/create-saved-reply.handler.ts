import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@chorus/contracts';
import { SavedReply, type SavedReplyProps } from '../../../domain/saved-reply.aggregate.js';
import { SAVED_REPLY_REPOSITORY } from '../../../community.tokens.js';
import type { SavedReplyRepository } from '../../ports/saved-reply-repository.port.js';
import { CreateSavedReplyCommand } from './create-saved-reply.command.js';

@CommandHandler(CreateSavedReplyCommand)
export class CreateSavedReplyHandler implements ICommandHandler<CreateSavedReplyCommand> {
  constructor(@Inject(SAVED_REPLY_REPOSITORY) private readonly repository: SavedReplyRepository) {}

  async execute(command: CreateSavedReplyCommand): Promise<SavedReplyProps> {
    const savedReply = SavedReply.create({ id: uuidv7(), ...command.data }, new Date());
    await this.repository.add(savedReply);
    return savedReply.snapshot();
  }
}
