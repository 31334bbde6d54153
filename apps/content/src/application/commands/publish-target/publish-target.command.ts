import { Command } from '@nestjs/cqrs';
import type { ClaimedAttempt } from '../../ports/publication-repository.port.js';

/** Carry out one claimed attempt: look up an earlier call if one may be out, publish, record the outcome. */
export class PublishTargetCommand extends Command<boolean> {
  constructor(readonly attempt: ClaimedAttempt) {
    super();
  }
}
