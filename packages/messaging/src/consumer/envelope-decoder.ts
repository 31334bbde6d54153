import { parseEnvelope, type ContractRegistry, type EventEnvelope } from '@chorus/contracts';
import type { DeadLetterReason } from './dead-letter.js';
import type { InboundMessage } from './inbound-message.js';

export type DecodedMessage =
  | { readonly ok: true; readonly message: InboundMessage; readonly envelope: EventEnvelope }
  | {
      readonly ok: false;
      readonly message: InboundMessage;
      readonly reason: DeadLetterReason;
      readonly detail: string;
    };

/** Bytes -> validated envelope, or the reason it can never be handled. Never throws. */
export function decodeMessage(message: InboundMessage, registry: ContractRegistry): DecodedMessage {
  if (message.value === null) {
    return {
      ok: false,
      message,
      reason: 'malformed-envelope',
      detail: 'The message has no value (a tombstone).',
    };
  }
  const parsed = parseEnvelope(message.value, registry);
  if (!parsed.ok) {
    return { ok: false, message, reason: parsed.reason, detail: parsed.detail };
  }
  return { ok: true, message, envelope: parsed.envelope };
}
