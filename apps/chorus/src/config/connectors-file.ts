import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ConnectorHost } from '@chorus/connector-host';
import { guardedFetch, type OutboundPolicy } from '@chorus/gateway';
import { InvalidConfigError } from '@chorus/service-kit';

/** CHORUS_CONNECTORS_FILE: which connector plugins this process loads, and their options (secrets included). */
export const connectorsFileSchema = z.strictObject({
  connectors: z
    .array(
      z.strictObject({
        resolve: z.string().min(1).describe('the package name, e.g. @chorus/connector-mastodon'),
        id: z.string().min(1).optional().describe("the connector's id; the manifest's network by default"),
        options: z.record(z.string(), z.unknown()).default({}),
      }),
    )
    .default([]),
  discover: z
    .boolean()
    .default(false)
    .describe('also load installed packages that declare "chorus": { "role": "connector" }'),
});

export const connectorsFileVariable = z
  .string()
  .min(1)
  .optional()
  .describe('a JSON file listing the connector plugins to load and their options (docs/configuration.md)');

/**
 * Starts the connector host from the file: the community service's webhook intake verifies deliveries with
 * these connectors. A plugin the host refuses is logged by the host and does not stop Chorus.
 */
export async function startConnectorHost(
  path: string,
  root: string,
  /** Export conditions of the plugins' entries; the built code by default. */
  conditions?: readonly string[],
  /** Whether connectors may call loopback and private addresses (CHORUS_ALLOW_PRIVATE_NETWORK_TARGETS). */
  outbound: OutboundPolicy = { allowPrivateNetworkTargets: false },
): Promise<ConnectorHost> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InvalidConfigError([
      problem(`cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`),
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InvalidConfigError([problem(`${path} is not valid JSON`)]);
  }
  const parsed = connectorsFileSchema.safeParse(json);
  if (!parsed.success) {
    // Paths only: the options hold secrets.
    throw new InvalidConfigError(
      parsed.error.issues.map((issue) => problem(`${issue.path.join('.') || '(root)'}: ${issue.message}`)),
    );
  }
  return ConnectorHost.start({
    root,
    connectors: parsed.data.connectors,
    discover: parsed.data.discover,
    ...(conditions === undefined ? {} : { conditions }),
    // A member names some servers (a Mastodon instance): each connection is checked on its resolved address.
    fetch: guardedFetch(outbound),
  });
}

function problem(text: string): { variable: string; problem: string; hint: string } {
  return {
    variable: 'CHORUS_CONNECTORS_FILE',
    problem: text,
    hint: 'a JSON file such as {"connectors":[{"resolve":"@chorus/connector-mastodon","options":{}}]}',
  };
}
