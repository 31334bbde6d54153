import { Command } from '@nestjs/cqrs';
import type { UtmScheme } from '../../../domain/utm-scheme.value-object.js';

export class SaveUtmSchemeCommand extends Command<UtmScheme> {
  constructor(
    readonly tenantId: string,
    readonly workspaceId: string,
    readonly scheme: UtmScheme,
    readonly by: string,
  ) {
    super();
  }
}
