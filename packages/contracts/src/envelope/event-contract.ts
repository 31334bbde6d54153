import type { z } from 'zod';
import { ContractDefinitionError } from './contract.errors.js';

/** One version of one integration event: its name, owner, topic and payload schema. */
export interface EventContract<P> {
  readonly type: string;
  readonly version: number;
  /** `chorus.<source>.<kebab-case type>.v<version>`, e.g. 'chorus.strategy.goal-set.v1'. */
  readonly topic: string;
  /** The owning (producing) service. */
  readonly source: string;
  readonly payload: z.ZodType<P>;
}

export type PayloadOf<C> = C extends EventContract<infer P> ? P : never;

// PascalCase without runs of capitals, so the kebab-case topic name is unambiguous.
const EVENT_TYPE = /^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)*$/;
const SOURCE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export function defineEvent<P>(def: {
  type: string;
  version: number;
  source: string;
  payload: z.ZodType<P>;
}): EventContract<P> {
  if (!EVENT_TYPE.test(def.type)) {
    throw new ContractDefinitionError(
      `Event type '${def.type}' must be PascalCase without consecutive capitals (e.g. 'PostPublished').`,
    );
  }
  if (!Number.isInteger(def.version) || def.version < 1) {
    throw new ContractDefinitionError(`Event ${def.type} has version ${def.version}; use 1, 2, 3, ...`);
  }
  if (!SOURCE.test(def.source)) {
    throw new ContractDefinitionError(
      `Event ${def.type} has source '${def.source}'; use the kebab-case service name.`,
    );
  }
  return Object.freeze({
    type: def.type,
    version: def.version,
    source: def.source,
    topic: topicFor(def.source, def.type, def.version),
    payload: def.payload,
  });
}

export function topicFor(source: string, type: string, version: number): string {
  return `chorus.${source}.${kebabCase(type)}.v${version}`;
}

function kebabCase(pascal: string): string {
  return pascal.replace(
    /[A-Z]/g,
    (letter, offset: number) => (offset === 0 ? '' : '-') + letter.toLowerCase(),
  );
}
