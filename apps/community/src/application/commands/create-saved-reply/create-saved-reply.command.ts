import { Command } from '@nestjs/cqrs';
import type { SavedReplyProps } from '../../../domain/saved-reply.aggregate.js';

export class CreateSavedReplyCommand extends Command<SavedReplyProps> {
  constructor(readonly data: Omit<SavedReplyProps, 'id' | 'createdAt'>) {
    super();
  }
}
