import { Injectable } from '@nestjs/common';

export interface RewrapReport {
  readonly finishedAt: string | null;
  readonly rewrapped: number;
  readonly failed: number;
  /** The channels whose secret could not be re-wrapped (ids only): they still need the old key. */
  readonly failedChannelIds: readonly string[];
  /** The TOTP pass: members whose secret could not be sealed or re-wrapped (ids only). */
  readonly twoFactor: {
    readonly finishedAt: string | null;
    readonly rewrapped: number;
    readonly failed: number;
    readonly failedMemberIds: readonly string[];
  };
}

/** Ids listed at most; the count says how many there are. */
const LISTED = 100;

/** The last re-wrap passes of this instance, for the operators' status endpoint (ADR 0018). */
@Injectable()
export class VaultRewrapStatus {
  private report: RewrapReport = {
    finishedAt: null,
    rewrapped: 0,
    failed: 0,
    failedChannelIds: [],
    twoFactor: { finishedAt: null, rewrapped: 0, failed: 0, failedMemberIds: [] },
  };

  record(rewrapped: number, failedChannelIds: readonly string[]): void {
    this.report = {
      ...this.report,
      finishedAt: new Date().toISOString(),
      rewrapped,
      failed: failedChannelIds.length,
      failedChannelIds: failedChannelIds.slice(0, LISTED),
    };
  }

  recordTwoFactor(rewrapped: number, failedMemberIds: readonly string[]): void {
    this.report = {
      ...this.report,
      twoFactor: {
        finishedAt: new Date().toISOString(),
        rewrapped,
        failed: failedMemberIds.length,
        failedMemberIds: failedMemberIds.slice(0, LISTED),
      },
    };
  }

  current(): RewrapReport {
    return this.report;
  }
}
