import { InvalidContentError, RetriableError, type Clock } from '@chorus/connector-sdk';

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
      case 'ERROR':
        throw new InvalidContentError(
          `${options.network} could not process the media: ${reading.detail ?? 'no reason given'}. Check the file's format and size.`,
          [{ path: ['media'], code: 'meta:container-error', message: reading.detail ?? 'processing failed' }],
        );
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
