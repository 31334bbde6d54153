import { Injectable } from '@nestjs/common';

export interface RewrapReport {
  readonly finishedAt: string | null;
  readonly rewrapped: number;
  readonly failed: number;
  /** The channels whose secret could not be re-wrapped (ids only): they still need the old key. */
  readonly failedChannelIds: readonly string[];
}

/** The last re-wrap pass of this instance, for the operators' status endpoint (ADR 0018). */
@Injectable()
export class VaultRewrapStatus {
  private report: RewrapReport = { finishedAt: null, rewrapped: 0, failed: 0, failedChannelIds: [] };

  record(rewrapped: number, failedChannelIds: readonly string[]): void {
    this.report = {
      finishedAt: new Date().toISOString(),
      rewrapped,
      failed: failedChannelIds.length,
      failedChannelIds: failedChannelIds.slice(0, 100),
    };
  }

  current(): RewrapReport {
    return this.report;
  }
}
