import { Command } from '@nestjs/cqrs';
import type { AdAccountProps } from '../../../domain/ad-account.aggregate.js';

export class CreateAdAccountCommand extends Command<AdAccountProps> {
  constructor(readonly data: Omit<AdAccountProps, 'id' | 'createdAt'>) {
    super();
  }
}
