/** One connector listed in configuration (medusa's `{ resolve, options }` shape). */
export interface ConnectorEntry {
  /** A package name (resolved from the host root) or a path to a package folder. */
  readonly resolve: string;
  /** Defaults to the manifest's network id; give one to load a package twice with different options. */
  readonly id?: string;
  readonly options?: Readonly<Record<string, unknown>>;
}

/** A plugin the host would not load, and why; the host keeps running without it. */
export interface RefusedConnector {
  /** The configuration entry's resolve, or the discovered package's folder. */
  readonly source: string;
  readonly packageName: string | null;
  readonly reason: string;
}
