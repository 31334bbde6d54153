import { pathToFileURL } from 'node:url';
import {
  createHttpClient,
  describeManifestProblems,
  isConnectorDefinition,
  parseManifest,
  parseWithJsonSchema,
  secretFields,
  type ConnectorDefinition,
  type ConnectorManifest,
} from '@chorus/connector-sdk';
import type { HostServices } from '../runtime/host-services.js';
import { callContext } from '../runtime/call-context.js';
import { hostConnector, type HostedConnector } from '../runtime/hosted-connector.js';
import { createInvoke } from '../runtime/invoke.js';
import { rateLimitHooks } from '../runtime/rate-limit-hooks.js';
import { redactingLogger } from '../runtime/redacting-logger.js';
import { sdkIncompatibility } from './check-compatibility.js';
import { readPackageJson, isConnectorPackage } from './package-json.js';
import { resolveEntry } from './resolve-entry.js';
import { withDeadline } from './with-deadline.js';

export interface LoadedConnector {
  readonly id: string;
  readonly packageName: string;
  readonly packageVersion: string;
  readonly folder: string;
  readonly manifest: ConnectorManifest;
  /** What the package exports, for tools that create their own instance (the contract kit). */
  readonly definition: ConnectorDefinition;
  readonly connector: HostedConnector;
}

export type LoadOutcome =
  | { readonly ok: true; readonly loaded: LoadedConnector }
  | { readonly ok: false; readonly packageName: string | null; readonly reason: string };

export interface LoadRequest {
  readonly folder: string;
  readonly id?: string;
  readonly options?: Readonly<Record<string, unknown>>;
}

/** Loads one plugin; every failure becomes a reason, never an exception, so that one bad plugin harms no other. */
export async function loadConnector(request: LoadRequest, services: HostServices): Promise<LoadOutcome> {
  let packageName: string | null = null;
  const refuse = (reason: string): LoadOutcome => ({ ok: false, packageName, reason });
  try {
    const pkg = await readPackageJson(request.folder);
    packageName = pkg.name ?? null;
    if (!isConnectorPackage(pkg)) {
      return refuse('its package.json does not declare "chorus": { "role": "connector" }');
    }
    const entry = resolveEntry(request.folder, pkg, services.conditions);
    if (!entry) {
      return refuse('its package.json exports no entry point');
    }
    let module: Record<string, unknown>;
    try {
      const imported = import(pathToFileURL(entry).href) as Promise<Record<string, unknown>>;
      module = await withDeadline(imported, services.startTimeoutMs, 'its import');
    } catch (error) {
      return refuse(`it failed to import: ${(error as Error).message}`);
    }
    const definitions = Object.values(module).filter(isConnectorDefinition);
    if (definitions.length !== 1) {
      return refuse(
        `it must export exactly one connector made with defineConnector(), found ${definitions.length}`,
      );
    }
    const definition = definitions[0]!;
    const parsed = parseManifest(definition.manifest);
    if (!parsed.ok) {
      return refuse(`its manifest is invalid: ${describeManifestProblems(parsed.problems)}`);
    }
    const manifest = parsed.manifest;
    const incompatible = sdkIncompatibility(pkg, manifest.sdk, services.sdkVersion);
    if (incompatible) {
      return refuse(incompatible);
    }
    if (pkg.chorus?.network && pkg.chorus.network !== manifest.network) {
      return refuse(
        `package.json says network "${pkg.chorus.network}" but the manifest says "${manifest.network}"`,
      );
    }
    const config = parseWithJsonSchema(manifest.configSchema, request.options ?? {});
    if (!config.ok) {
      // Paths and messages only: the values may be secrets.
      const problems = config.problems.map(
        (problem) => `${problem.path.join('.') || '(root)'}: ${problem.message}`,
      );
      return refuse(`its options do not match its configuration schema: ${problems.join('; ')}`);
    }
    const id = request.id ?? manifest.network;
    const logger = redactingLogger(services.logger, secretFields(manifest.configSchema)).child({
      connector: id,
    });
    const http = createHttpClient({
      timeoutMs: services.httpTimeoutMs,
      ...(services.fetch === undefined ? {} : { fetch: services.fetch }),
      hooks: rateLimitHooks({
        connectorId: id,
        manifest,
        limiter: services.limiter,
        metrics: services.metrics,
        clock: services.clock,
        maxWaitMs: services.rateLimitMaxWaitMs,
      }),
      signal: () => callContext.getStore()?.signal,
    });
    let connector;
    try {
      const created = definition.create({
        manifest,
        config: config.value,
        http,
        logger,
        clock: services.clock,
      });
      connector = await withDeadline(created, services.startTimeoutMs, 'create()');
    } catch (error) {
      return refuse(`it failed to start: ${(error as Error).message}`);
    }
    const invoke = createInvoke({
      connectorId: id,
      logger,
      clock: services.clock,
      limiter: services.limiter,
      metrics: services.metrics,
      timeoutMs: services.callTimeoutMs,
    });
    return {
      ok: true,
      loaded: {
        id,
        packageName: pkg.name ?? request.folder,
        packageVersion: pkg.version ?? '0.0.0',
        folder: request.folder,
        manifest,
        definition,
        connector: hostConnector(id, connector, invoke, services.metrics),
      },
    };
  } catch (error) {
    return refuse(`it could not be read: ${(error as Error).message}`);
  }
}
