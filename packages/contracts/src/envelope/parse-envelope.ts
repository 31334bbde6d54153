import type { ContractRegistry } from './contract-registry.js';
import { describeIssues } from './describe-issues.js';
import type { EventContract } from './event-contract.js';
import { EventEnvelopeSchema, type EventEnvelope } from './event-envelope.js';

export type ParseFailureReason = 'malformed-envelope' | 'unknown-event' | 'schema-violation';

export type ParsedEnvelope =
  | { ok: true; envelope: EventEnvelope; contract: EventContract<unknown> }
  | { ok: false; reason: ParseFailureReason; detail: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads an event as it arrives (Kafka bytes, a JSON string or an already-parsed object) and checks it against
 * the envelope and its contract. Never throws: consumers route failures to the dead-letter topic by reason.
 */
export function parseEnvelope(raw: unknown, registry: ContractRegistry): ParsedEnvelope {
  const decoded = decode(raw);
  if (!decoded.ok) {
    return decoded;
  }
  const envelope = EventEnvelopeSchema.safeParse(decoded.value);
  if (!envelope.success) {
    return fail('malformed-envelope', describeIssues(envelope.error.issues));
  }
  const { type, version, source } = envelope.data;
  const contract = registry.find(type, version);
  if (contract === undefined) {
    const known = registry.versionsOf(type);
    const hint =
      known.length === 0
        ? 'no version of it is registered'
        : `registered versions: ${known.map((v) => `v${v}`).join(', ')}`;
    return fail('unknown-event', `No contract for ${type} v${version} (${hint}).`);
  }
  if (source !== contract.source) {
    return fail(
      'schema-violation',
      `source: ${type} v${version} is produced by '${contract.source}', but the envelope says '${source}'`,
    );
  }
  const payload = contract.payload.safeParse(envelope.data.payload);
  if (!payload.success) {
    return fail('schema-violation', describeIssues(payload.error.issues, ['payload']));
  }
  return { ok: true, envelope: { ...envelope.data, payload: payload.data }, contract };
}

function decode(
  raw: unknown,
): { ok: true; value: unknown } | { ok: false; reason: ParseFailureReason; detail: string } {
  if (raw instanceof Uint8Array) {
    let text: string;
    try {
      text = utf8.decode(raw);
    } catch {
      return fail('malformed-envelope', 'The message is not valid UTF-8 text.');
    }
    return decodeJson(text);
  }
  if (typeof raw === 'string') {
    return decodeJson(raw);
  }
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    return { ok: true, value: raw };
  }
  return fail('malformed-envelope', `Expected bytes, a JSON string or an object, got ${describeValue(raw)}.`);
}

function decodeJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; reason: ParseFailureReason; detail: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail('malformed-envelope', `The message is not valid JSON: ${message}`);
  }
}

function describeValue(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  return Array.isArray(value) ? 'an array' : typeof value;
}

function fail(
  reason: ParseFailureReason,
  detail: string,
): { ok: false; reason: ParseFailureReason; detail: string } {
  return { ok: false, reason, detail };
}
