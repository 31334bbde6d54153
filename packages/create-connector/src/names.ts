export interface ConnectorNames {
  /** The network id, as in the manifest: `acme-social`. */
  readonly network: string;
  readonly pascal: string;
  readonly camel: string;
  readonly display: string;
  readonly packageName: string;
}

const NETWORK_ID = /^[a-z][a-z0-9-]{1,39}$/u;

export class InvalidNetworkIdError extends Error {
  override readonly name = 'InvalidNetworkIdError';
}

/** Every spelling of a network's name the template needs, from its id. */
export function namesFor(
  network: string,
  overrides: { packageName?: string; display?: string } = {},
): ConnectorNames {
  if (!NETWORK_ID.test(network)) {
    throw new InvalidNetworkIdError(
      `"${network}" is not a network id: use 2 to 40 lowercase letters, digits and dashes, starting with a letter (e.g. acme-social).`,
    );
  }
  const words = network.split('-').filter(Boolean);
  const pascal = words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
  return {
    network,
    pascal,
    camel: pascal[0]!.toLowerCase() + pascal.slice(1),
    display: overrides.display ?? words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join(' '),
    packageName: overrides.packageName ?? `chorus-connector-${network}`,
  };
}
