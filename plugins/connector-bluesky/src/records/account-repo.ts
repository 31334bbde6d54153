import { InvalidContentError, type Clock, type ConnectorOperation } from '@chorus/connector-sdk';
import type { BlueskyAccount } from '../auth/account-ref.js';
import type { CreateRecordOutput, GetRecordOutput } from '../xrpc/lexicon.js';
import { mapXrpcError } from '../xrpc/map-error.js';
import type { XrpcClient } from '../xrpc/xrpc-client.js';

/** Where a record lives in the account's repository. */
export interface RecordTarget {
  readonly collection: string;
  readonly rkey: string;
}

export interface StoredRecord<T> {
  readonly uri: string;
  readonly cid: string;
  readonly value: T;
  /** True when the record was there before this call (an earlier attempt wrote it). */
  readonly existed: boolean;
}

/** The connected account's repository on its PDS: records read and written by key. */
export class AccountRepo {
  constructor(
    private readonly xrpc: XrpcClient,
    readonly account: BlueskyAccount,
    private readonly clock: Clock,
  ) {}

  /** The record at a key, or undefined. getRecord on the PDS sees a write as soon as it is answered. */
  async read<T>(target: RecordTarget, operation: ConnectorOperation): Promise<StoredRecord<T> | undefined> {
    const result = await this.xrpc.send<GetRecordOutput<T>>({
      operation,
      endpoint: 'records.get',
      nsid: 'com.atproto.repo.getRecord',
      params: { repo: this.account.did, collection: target.collection, rkey: target.rkey },
      accept: ['RecordNotFound'],
    });
    if (!result.ok || !result.body.cid) {
      return undefined;
    }
    return { uri: result.body.uri, cid: result.body.cid, value: result.body.value, existed: true };
  }

  /**
   * Writes a record at a key chosen by the caller, once. An earlier attempt's record is returned as it is, and
   * nothing is built or uploaded again. The PDS refuses a second write to one key (with InternalServerError
   * today; network-apis.md 11.6 says "verify"), so after any refusal the key is read again: a record there is
   * the answer ("already published"). A transport failure (a timeout after sending) is not looked up: it stays
   * ambiguous, for reconciliation.
   */
  async createOnce<T>(
    target: RecordTarget,
    build: () => Promise<T>,
    operation: ConnectorOperation,
    belongs: (existing: T) => boolean = () => true,
  ): Promise<StoredRecord<T>> {
    const earlier = await this.read<T>(target, operation);
    if (earlier) {
      return this.ownRecord(target, earlier, belongs);
    }
    const record = await build();
    const result = await this.xrpc.send<CreateRecordOutput>({
      operation,
      endpoint: 'records.create',
      nsid: 'com.atproto.repo.createRecord',
      method: 'POST',
      json: {
        repo: this.account.did,
        collection: target.collection,
        rkey: target.rkey,
        validate: true,
        record,
      },
      accept: ['InternalServerError', 'InvalidRequest', 'InvalidSwap', 'UpstreamFailure'],
    });
    if (result.ok) {
      return { uri: result.body.uri, cid: result.body.cid, value: record, existed: false };
    }
    const raced = await this.read<T>(target, operation);
    if (raced) {
      return this.ownRecord(target, raced, belongs);
    }
    throw mapXrpcError(result.status, result.headers, result, {
      operation,
      endpoint: 'records.create',
      now: this.clock.now(),
    });
  }

  /**
   * A record already at the key is this publish's earlier attempt only if it says what this one would: two keys
   * can collide (a UUIDv7 key keeps its millisecond and 10 hashed bits), and another post must never be
   * reported as this one. The clash is refused, for a person to publish again under a new key.
   */
  private ownRecord<T>(
    target: RecordTarget,
    existing: StoredRecord<T>,
    belongs: (existing: T) => boolean,
  ): StoredRecord<T> {
    if (belongs(existing.value)) {
      return existing;
    }
    throw new InvalidContentError(
      `The record key ${target.rkey} in ${target.collection} already holds another record (${existing.uri}): ` +
        'two publishes planned in the same millisecond collided. Publish again with a new idempotency key.',
    );
  }

  /** Creates or replaces a record; `swapCid` makes the write fail if someone changed it meanwhile. */
  async put(
    target: RecordTarget,
    record: unknown,
    swapCid: string | undefined,
    operation: ConnectorOperation,
  ): Promise<void> {
    await this.xrpc.call({
      operation,
      endpoint: 'records.put',
      nsid: 'com.atproto.repo.putRecord',
      method: 'POST',
      json: {
        repo: this.account.did,
        collection: target.collection,
        rkey: target.rkey,
        validate: true,
        record,
        ...(swapCid ? { swapRecord: swapCid } : {}),
      },
    });
  }

  /** Deletes a record; the PDS answers success for a key that holds nothing, so a retried delete is harmless. */
  async delete(target: RecordTarget, operation: ConnectorOperation): Promise<void> {
    await this.xrpc.call({
      operation,
      endpoint: 'records.delete',
      nsid: 'com.atproto.repo.deleteRecord',
      method: 'POST',
      json: { repo: this.account.did, collection: target.collection, rkey: target.rkey },
    });
  }
}
