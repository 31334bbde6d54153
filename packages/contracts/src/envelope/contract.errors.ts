/** Thrown when a producer builds an event that does not match its contract: a bug in the producer. */
export class ContractViolationError extends Error {
  constructor(
    readonly topic: string,
    readonly detail: string,
  ) {
    super(`Event for ${topic} does not match its contract: ${detail}`);
    this.name = 'ContractViolationError';
  }
}

/** Thrown when a contract definition or a registry is inconsistent: a bug in this package or its user. */
export class ContractDefinitionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContractDefinitionError';
  }
}
