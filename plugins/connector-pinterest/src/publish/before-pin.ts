import { isConnectorError, RetriableError } from '@chorus/connector-sdk';

/**
 * Runs a step of a publish that comes before the pin is created (listing boards, registering and uploading a
 * video): whatever it leaves behind, no pin exists yet, so an ambiguous failure is only retriable.
 */
export async function beforePin<T>(step: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isConnectorError(error) && error.kind === 'ambiguous') {
      throw new RetriableError(`${error.message} (while ${step}; no pin was created yet)`, {
        cause: error,
        endpoint: error.endpoint,
      });
    }
    throw error;
  }
}
