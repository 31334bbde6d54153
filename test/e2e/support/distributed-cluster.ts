import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { generateIdentityKeyPair } from '@chorus/access';

const CHORUS_BIN = fileURLToPath(new URL('../../../apps/chorus/dist/main.js', import.meta.url));
const BACKENDS = ['strategy', 'content', 'community', 'ads', 'analytics'] as const;

export interface ClusterProcess {
  readonly service: string;
  readonly child: ChildProcess;
  readonly url: string;
  /** Every stdout line, parsed when it is JSON. */
  readonly lines: string[];
}

export interface DistributedCluster {
  readonly gatewayUrl: string;
  readonly processes: readonly ClusterProcess[];
  logs(): Record<string, unknown>[];
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

function launch(service: string, port: number, env: NodeJS.ProcessEnv): ClusterProcess {
  const child = spawn(process.execPath, [CHORUS_BIN, 'serve', service], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let partial = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts.filter((l) => l.trim() !== ''));
  });
  child.stderr
    .setEncoding('utf8')
    .on('data', (chunk: string) => lines.push(...chunk.split('\n').filter((l) => l !== '')));
  return { service, child, url: `http://127.0.0.1:${port}`, lines };
}

async function waitReady(p: ClusterProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (p.child.exitCode !== null) {
      throw new Error(`${p.service} exited with ${p.child.exitCode}:\n${p.lines.slice(-20).join('\n')}`);
    }
    const ok = await fetch(`${p.url}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${p.service} not ready after ${timeoutMs} ms:\n${p.lines.slice(-20).join('\n')}`);
}

/**
 * The six services as separate OS processes from the built JavaScript (`npm run build` first), on the real
 * PostgreSQL database and Kafka broker given, exactly as `chorus serve <service>` runs in production.
 */
export async function startDistributedCluster(options: {
  databaseUrl: string;
  kafkaBrokers: string;
  consumerGroupPrefix: string;
  readyTimeoutMs: number;
  /** Extra environment for some services, e.g. `{ community: { CHORUS_CONNECTORS_FILE: ... } }`. */
  env?: Partial<Record<string, NodeJS.ProcessEnv>>;
}): Promise<DistributedCluster> {
  if (!existsSync(CHORUS_BIN)) {
    throw new Error(`${CHORUS_BIN} is missing: run \`npm run build\` before this test`);
  }
  const keys = generateIdentityKeyPair();
  const common: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    DATABASE_URL: options.databaseUrl,
    // Six processes share the test server with the other test files: a small pool each is plenty here.
    DATABASE_POOL_SIZE: '3',
  };
  const backends = await Promise.all(
    BACKENDS.map(async (service) =>
      launch(service, await freePort(), {
        ...common,
        KAFKA_BROKERS: options.kafkaBrokers,
        KAFKA_CONSUMER_GROUP_PREFIX: options.consumerGroupPrefix,
        CHORUS_IDENTITY_PUBLIC_KEY: keys.publicKeyPem,
        ...options.env?.[service],
      }),
    ),
  );
  const upstreams = Object.fromEntries(backends.map((p) => [`CHORUS_${p.service.toUpperCase()}_URL`, p.url]));
  const gateway = launch('gateway', await freePort(), {
    ...common,
    ...upstreams,
    CHORUS_IDENTITY_PRIVATE_KEY: keys.privateKeyPem,
  });
  const processes = [gateway, ...backends];
  const stop = async () => {
    await Promise.all(
      processes.map(
        (p) =>
          new Promise<void>((resolve) => {
            if (p.child.exitCode !== null || p.child.signalCode !== null) {
              return resolve();
            }
            const timer = setTimeout(() => p.child.kill('SIGKILL'), 15_000);
            p.child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            p.child.kill('SIGTERM');
          }),
      ),
    );
  };
  try {
    await Promise.all(processes.map((p) => waitReady(p, options.readyTimeoutMs)));
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    gatewayUrl: gateway.url,
    processes,
    logs: () =>
      processes.flatMap((p) =>
        p.lines.flatMap((line) => {
          try {
            return [JSON.parse(line) as Record<string, unknown>];
          } catch {
            return [];
          }
        }),
      ),
    stop,
  };
}
