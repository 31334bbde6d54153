import { InvalidContentError, RetriableError, type Clock } from '@chorus/connector-sdk';
import { RETRY_SUBCODES } from './graph-error.js';

/** States of an Instagram or Threads media container (network-apis.md 3.2, 4.2). */
export type ContainerState = 'IN_PROGRESS' | 'FINISHED' | 'PUBLISHED' | 'ERROR' | 'EXPIRED';

export interface ContainerReading {
  readonly state: ContainerState;
  /** Meta's human-readable status or error message, which may carry a subcode. */
  readonly detail?: string;
}

export interface PollOptions {
  readonly clock: Clock;
  readonly intervalMs: number;
  readonly timeoutMs: number;
  readonly network: string;
}

/**
 * Polls a container until it is ready to publish (FINISHED) or already published. A container that errs or
 * expires is refused or retried; containers are invisible until published, so a new one is always safe.
 */
export async function waitForContainer(
  read: () => Promise<ContainerReading>,
  options: PollOptions,
): Promise<'FINISHED' | 'PUBLISHED'> {
  const deadline = options.clock.now().getTime() + options.timeoutMs;
  for (;;) {
    const reading = await read();
    switch (reading.state) {
      case 'FINISHED':
      case 'PUBLISHED':
        return reading.state;
      case 'ERROR': {
        const subcode = subcodeOf(reading.detail);
        if (subcode !== undefined && RETRY_SUBCODES.has(subcode)) {
          // 2207001/003/032/053/082: a server-side failure a new container may cure (3.2); nothing is live.
          throw new RetriableError(
            `${options.network} failed to process the media (${reading.detail ?? subcode}); a new container will be created.`,
          );
        }
        throw new InvalidContentError(
          `${options.network} could not process the media: ${reading.detail ?? 'no reason given'}. Check the file's format and size.`,
          [{ path: ['media'], code: 'meta:container-error', message: reading.detail ?? 'processing failed' }],
        );
      }
      case 'EXPIRED':
        throw new RetriableError(
          `${options.network} let the media container expire; a new one will be created.`,
        );
      case 'IN_PROGRESS':
        break;
    }
    if (options.clock.now().getTime() + options.intervalMs > deadline) {
      throw new RetriableError(
        `${options.network} was still processing the media after ${Math.round(options.timeoutMs / 1000)} s; nothing was published.`,
      );
    }
    await options.clock.sleep(options.intervalMs);
  }
}

/** The publishing subcode in a container's status text ("Error: ... 2207001"), when it carries one. */
function subcodeOf(detail: string | undefined): number | undefined {
  const match = /\b(2207\d{3})\b/u.exec(detail ?? '');
  return match ? Number(match[1]) : undefined;
}
