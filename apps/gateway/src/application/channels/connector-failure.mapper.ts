import { isConnectorError } from '@chorus/connector-sdk';

/** The taxonomy kind of a connector failure (any SDK copy), or undefined for anything else. */
export function connectorErrorKind(error: unknown): string | undefined {
  return isConnectorError(error) ? error.kind : undefined;
}
