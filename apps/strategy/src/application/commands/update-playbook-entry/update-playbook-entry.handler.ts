import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SERVICE_LOGGER, type JsonLogger } from '@chorus/service-kit';
import { checkPlaybookEntry } from '../../../domain/diagnosis-playbook.aggregate.js';
import { DIAGNOSIS_PLAYBOOK_REPOSITORY } from '../../../strategy.tokens.js';
import type { DiagnosisPlaybookRepository } from '../../ports/diagnosis-repository.port.js';
import { UpdatePlaybookEntryCommand } from './update-playbook-entry.command.js';

@CommandHandler(UpdatePlaybookEntryCommand)
export class UpdatePlaybookEntryHandler implements ICommandHandler<UpdatePlaybookEntryCommand> {
  constructor(
    @Inject(DIAGNOSIS_PLAYBOOK_REPOSITORY) private readonly playbook: DiagnosisPlaybookRepository,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
  ) {}

  async execute(command: UpdatePlaybookEntryCommand): Promise<void> {
    checkPlaybookEntry(command.problem, command.thresholds, command.recommendations);
    await this.playbook.saveEntry(command.tenantId, command.problem, {
      thresholds: command.thresholds,
      recommendations: command.recommendations,
      updatedBy: command.updatedBy,
    });
    this.logger.write('info', 'diagnosis playbook entry updated', { problem: command.problem });
  }
}
