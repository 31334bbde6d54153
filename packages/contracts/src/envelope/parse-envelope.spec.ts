import { describe, expect, it } from 'vitest';
import { allContracts } from '../all-contracts.js';
import { postPublishedV1 } from '../content/post-published.v1.js';
import { exampleMeta, examplePayload } from '../testing/contract-examples.js';
import { ContractRegistry } from './contract-registry.js';
import { createEnvelope } from './create-envelope.js';
import { parseEnvelope } from './parse-envelope.js';

const registry = new ContractRegistry(allContracts);
const valid = createEnvelope(postPublishedV1, exampleMeta, examplePayload(postPublishedV1));

function reject(raw: unknown): { reason: string; detail: string } {
  const parsed = parseEnvelope(raw, registry);
  if (parsed.ok) {
    throw new Error('expected the envelope to be rejected');
  }
  return { reason: parsed.reason, detail: parsed.detail };
}

describe('parseEnvelope', () => {
  it('accepts bytes, a JSON string or an object, and returns the matching contract', () => {
    const text = JSON.stringify(valid);
    for (const raw of [
      Buffer.from(text),
      new TextEncoder().encode(text),
      text,
      JSON.parse(text) as unknown,
    ]) {
      const parsed = parseEnvelope(raw, registry);
      expect(parsed).toEqual({ ok: true, envelope: valid, contract: postPublishedV1 });
    }
  });

  it('reports bytes that are not JSON as a malformed envelope', () => {
    expect(reject(Buffer.from('{"eventId":'))).toMatchObject({
      reason: 'malformed-envelope',
      detail: expect.stringMatching(/not valid JSON/) as unknown,
    });
    expect(reject(new Uint8Array([0xff, 0xfe]))).toEqual({
      reason: 'malformed-envelope',
      detail: 'The message is not valid UTF-8 text.',
    });
    expect(reject(42)).toMatchObject({
      reason: 'malformed-envelope',
      detail: expect.stringMatching(/got number/) as unknown,
    });
    expect(reject([valid])).toMatchObject({ reason: 'malformed-envelope' });
  });

  it('names the envelope field that is missing or wrong', () => {
    const { eventId: _dropped, ...withoutId } = valid;
    expect(reject(withoutId)).toEqual({
      reason: 'malformed-envelope',
      detail: 'eventId: Invalid input: expected string, received undefined',
    });
    expect(reject({ ...valid, occurredAt: '2025-05-01 07:30' }).detail).toMatch(/^occurredAt: /);
  });

  it('reports an event no contract describes, with the versions it knows', () => {
    expect(reject({ ...valid, version: 9 })).toEqual({
      reason: 'unknown-event',
      detail: 'No contract for PostPublished v9 (registered versions: v1).',
    });
    expect(reject({ ...valid, type: 'PostLiked' })).toEqual({
      reason: 'unknown-event',
      detail: 'No contract for PostLiked v1 (no version of it is registered).',
    });
  });

  it('names the payload field that breaks the contract', () => {
    const { remoteId: _dropped, ...payload } = valid.payload;
    expect(reject({ ...valid, payload })).toEqual({
      reason: 'schema-violation',
      detail: 'payload.remoteId: Invalid input: expected string, received undefined',
    });
    expect(reject({ ...valid, payload: { ...valid.payload, utm: { source: 'x' } } }).detail).toMatch(
      /^payload\.utm\.medium: /,
    );
  });

  it('refuses an event that claims to come from a service that does not own it', () => {
    expect(reject({ ...valid, source: 'community' })).toEqual({
      reason: 'schema-violation',
      detail: "source: PostPublished v1 is produced by 'content', but the envelope says 'community'",
    });
  });
});
