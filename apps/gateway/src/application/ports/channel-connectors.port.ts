import type { Connector } from '@chorus/connector-sdk';

/** The connector plugins the host loaded, by id (a ConnectorHost fits). */
export interface ChannelConnectors {
  has(id: string): boolean;
  connector(id: string): Connector;
}
