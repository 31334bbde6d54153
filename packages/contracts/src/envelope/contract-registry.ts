import { ContractDefinitionError } from './contract.errors.js';
import type { EventContract } from './event-contract.js';

/** The contracts a process knows, looked up by (type, version) or by topic. */
export class ContractRegistry {
  private readonly byKey = new Map<string, EventContract<unknown>>();
  private readonly byTopicName = new Map<string, EventContract<unknown>>();

  constructor(contracts: EventContract<unknown>[]) {
    for (const contract of contracts) {
      const key = keyOf(contract.type, contract.version);
      if (this.byKey.has(key) || this.byTopicName.has(contract.topic)) {
        throw new ContractDefinitionError(
          `Contract ${contract.type} v${contract.version} (${contract.topic}) is registered twice.`,
        );
      }
      this.byKey.set(key, contract);
      this.byTopicName.set(contract.topic, contract);
    }
  }

  find(type: string, version: number): EventContract<unknown> | undefined {
    return this.byKey.get(keyOf(type, version));
  }

  byTopic(topic: string): EventContract<unknown> | undefined {
    return this.byTopicName.get(topic);
  }

  all(): EventContract<unknown>[] {
    return [...this.byKey.values()];
  }

  /** Versions known for a type, for error messages. */
  versionsOf(type: string): number[] {
    return this.all()
      .filter((contract) => contract.type === type)
      .map((contract) => contract.version)
      .sort((a, b) => a - b);
  }
}

function keyOf(type: string, version: number): string {
  return `${type}@${version}`;
}
