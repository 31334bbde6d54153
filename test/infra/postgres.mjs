#!/usr/bin/env node
// A real PostgreSQL for tests (docs/adr/0003-test-infrastructure.md), found or started in this order:
//   1. DATABASE_URL, when set;
//   2. the server on 127.0.0.1:5432 when it lets user postgres into database postgres without a password
//      (CHORUS_PG_PROBE=host:port probes another address);
//   3. a throwaway cluster made with the machine's own initdb / pg_ctl, data under the cache dir.
//
//   node test/infra/postgres.mjs ensure   prints the URL on stdout (what `start` also does)
//   node test/infra/postgres.mjs stop     stops a throwaway cluster that this script started
//   node test/infra/postgres.mjs status
//
// Node built-ins only (it runs before node_modules exists); the probe speaks the PostgreSQL protocol itself.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  acquireLease,
  cacheDir,
  freePort,
  info,
  isAlive,
  liveLeases,
  parseArgs,
  readJson,
  releaseLease,
  withLock,
  writeJson,
} from './lib.mjs';

const HOST = '127.0.0.1';

/**
 * Opens a session with a startup message and reads until the server says ready or no.
 * Resolves 'ok' (trust login worked), 'password' (it wants credentials), 'down' or 'error: ...'.
 */
export function probePostgres({
  host = HOST,
  port = 5432,
  user = 'postgres',
  database = 'postgres',
  timeoutMs = 2000,
} = {}) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let received = Buffer.alloc(0);
    const finish = (result) => {
      if (result === 'ok') {
        const terminate = Buffer.from([0x58, 0, 0, 0, 4]); // 'X': close politely, no "unexpected EOF" log line
        socket.end(terminate);
      } else {
        socket.destroy();
      }
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => finish('down'));
    socket.once('error', () => finish('down'));
    socket.once('connect', () => {
      const params = Buffer.from(`user\0${user}\0database\0${database}\0\0`);
      const header = Buffer.alloc(8);
      header.writeInt32BE(8 + params.length, 0);
      header.writeInt32BE(196608, 4); // protocol 3.0
      socket.write(Buffer.concat([header, params]));
    });
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      while (received.length >= 5 && received.length >= 1 + received.readInt32BE(1)) {
        const type = String.fromCharCode(received[0]);
        const body = received.subarray(5, 1 + received.readInt32BE(1));
        received = received.subarray(1 + received.readInt32BE(1));
        if (type === 'R' && body.readInt32BE(0) !== 0) {
          return finish('password');
        }
        if (type === 'Z') {
          return finish('ok');
        }
        if (type === 'E') {
          const message = body
            .toString('utf8')
            .split('\0')
            .find((field) => field.startsWith('M'));
          return finish(`error: ${message ? message.slice(1) : 'unknown'}`);
        }
      }
    });
  });
}

// ---------------------------------------------------------------------------------------------------------
// a throwaway cluster

/** A directory holding initdb, pg_ctl and postgres: PATH first, then Debian's /usr/lib/postgresql/<n>/bin. */
export function findPostgresBinaries() {
  const candidates = (process.env.PATH || '').split(':').filter(Boolean);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((name) => /^\d+(\.\d+)?$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => path.join(debian, version, 'bin')));
  }
  candidates.push('/usr/local/pgsql/bin');
  for (const dir of candidates) {
    if (['initdb', 'pg_ctl', 'postgres'].every((tool) => existsSync(path.join(dir, tool)))) {
      return dir;
    }
  }
  throw new Error(
    'no PostgreSQL server answers and its binaries (initdb, pg_ctl) were not found on PATH or in ' +
      '/usr/lib/postgresql/*/bin: set DATABASE_URL, or install them (Debian: apt-get install -y postgresql)',
  );
}

/**
 * PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user when the machine
 * has one, else to `nobody`. Returns undefined when no switch is needed.
 */
function clusterUser() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    return undefined;
  }
  const passwd = readFileSync('/etc/passwd', 'utf8').split('\n');
  for (const name of [process.env.CHORUS_PG_OS_USER, 'postgres', 'nobody'].filter(Boolean)) {
    const line = passwd.find((entry) => entry.startsWith(`${name}:`));
    if (line) {
      const [, , uid, gid] = line.split(':');
      return { name, uid: Number(uid), gid: Number(gid) };
    }
  }
  throw new Error('running as root, but neither a postgres nor a nobody user exists to own the cluster');
}

function run(command, args, user, { cwd } = {}) {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    cwd,
    env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
    ...(user ? { uid: user.uid, gid: user.gid } : {}),
  });
  if (result.error) {
    throw result.error;
  }
  return result;
}

/**
 * Where the cluster lives: under the cache dir, unless the cluster's user cannot reach it (a root home
 * directory is mode 700), then under /tmp.
 */
function clusterBase(user) {
  const preferred = path.join(cacheDir(), 'postgres');
  mkdirSync(preferred, { recursive: true });
  if (!user) {
    return preferred;
  }
  chownSync(preferred, user.uid, user.gid);
  if (run('test', ['-w', preferred, '-a', '-x', preferred], user).status === 0) {
    return preferred;
  }
  // One per cache dir, as under the cache dir itself (a test may use a cache dir of its own).
  const suffix = createHash('sha256').update(cacheDir()).digest('hex').slice(0, 8);
  const fallback = path.join('/tmp', `chorus-postgres-${user.name}-${suffix}`);
  mkdirSync(fallback, { recursive: true, mode: 0o700 });
  chownSync(fallback, user.uid, user.gid);
  return fallback;
}

const throwawayUrl = (port) => `postgres://postgres@${HOST}:${port}/postgres`;

function postmasterPid(dataDir) {
  try {
    return Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return 0;
  }
}

/** Starts (or reuses) the throwaway cluster; returns { url, port, reused }. */
export async function startThrowawayPostgres({ owner = 'test', lease = false } = {}) {
  const user = clusterUser();
  const base = clusterBase(user);
  const stateFile = path.join(base, 'state.json');
  return withLock(path.join(base, 'start.lock'), async () => {
    const dataDir = path.join(base, 'data');
    const state = readJson(stateFile);
    if (state && isAlive(postmasterPid(dataDir)) && (await probePostgres({ port: state.port })) === 'ok') {
      if (lease) {
        // Under the lock: no teardown can stop it in between.
        acquireLease(leaseDir());
      }
      return { url: throwawayUrl(state.port), port: state.port, reused: true, base };
    }
    const bin = findPostgresBinaries();
    const started = Date.now();
    if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
      info(`postgres: creating a throwaway cluster in ${dataDir} with ${bin}/initdb`);
      const init = run(
        path.join(bin, 'initdb'),
        ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
        user,
        { cwd: base },
      );
      if (init.status !== 0) {
        throw new Error(`initdb failed:\n${init.stdout}${init.stderr}`);
      }
    }
    const port = Number(process.env.CHORUS_PG_PORT) || (await freePort());
    const socketDir = path.join(base, 'socket');
    mkdirSync(socketDir, { recursive: true });
    if (user) {
      chownSync(socketDir, user.uid, user.gid);
    }
    // Test data is disposable: skip fsync for speed; many services and pools connect at once.
    const options = [
      `-p ${port}`,
      `-k ${socketDir}`,
      `-c listen_addresses=${HOST}`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=300',
    ].join(' ');
    const logFile = path.join(base, 'postgres.log');
    const start = run(
      path.join(bin, 'pg_ctl'),
      ['-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', options, 'start'],
      user,
      {
        cwd: base,
      },
    );
    if (start.status !== 0) {
      let tail = '';
      try {
        tail = readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n');
      } catch {
        // no log yet
      }
      throw new Error(`pg_ctl start failed:\n${start.stdout}${start.stderr}\n${tail}`);
    }
    writeJson(stateFile, { port, owner, bin, user: user?.name ?? null, startedAt: new Date().toISOString() });
    if (user) {
      chownSync(stateFile, user.uid, user.gid);
    }
    if (lease) {
      acquireLease(leaseDir());
    }
    info(
      `postgres: started a throwaway cluster on ${HOST}:${port} in ${((Date.now() - started) / 1000).toFixed(1)}s`,
    );
    return { url: throwawayUrl(port), port, reused: false, base };
  });
}

/** Stops the throwaway cluster (fast shutdown); returns false when none ran. */
export async function stopThrowawayPostgres() {
  const user = clusterUser();
  const base = clusterBase(user);
  const dataDir = path.join(base, 'data');
  return withLock(path.join(base, 'start.lock'), async () => {
    const state = readJson(path.join(base, 'state.json'));
    if (!state || !isAlive(postmasterPid(dataDir))) {
      return false;
    }
    pgCtlStop(state.bin, dataDir, user, base);
    return true;
  });
}

function pgCtlStop(bin, dataDir, user, base) {
  const stop = run(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', 'stop'], user, {
    cwd: base,
  });
  if (stop.status !== 0) {
    throw new Error(`pg_ctl stop failed:\n${stop.stdout}${stop.stderr}`);
  }
}

function probeAddress() {
  const [host, port] = (process.env.CHORUS_PG_PROBE || `${HOST}:5432`).split(':');
  return { host: host || HOST, port: Number(port) || 5432 };
}

/**
 * The PostgreSQL that tests use. `stop()` stops only a throwaway cluster that this call started (pass
 * `owner` so that a test run can tell its own from one a developer started by hand).
 */
export async function ensurePostgres({ owner = 'test', lease = false } = {}) {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, source: 'DATABASE_URL', started: false, async stop() {} };
  }
  const { host, port } = probeAddress();
  const answer = await probePostgres({ host, port });
  if (answer === 'ok') {
    return {
      url: `postgres://postgres@${host}:${port}/postgres`,
      source: `server on ${host}:${port}`,
      started: false,
      async stop() {},
    };
  }
  info(
    answer === 'down'
      ? `postgres: nothing answers on ${host}:${port}, using a throwaway cluster`
      : `postgres: the server on ${host}:${port} cannot be used without credentials (${answer}), using a throwaway cluster`,
  );
  const cluster = await startThrowawayPostgres({ owner, lease });
  return {
    url: cluster.url,
    source: cluster.reused
      ? `throwaway cluster (reused) in ${cluster.base}`
      : `throwaway cluster in ${cluster.base}`,
    started: !cluster.reused,
    throwaway: true,
    base: cluster.base,
    async stop() {
      if (!cluster.reused) {
        await stopThrowawayPostgres();
      }
    },
  };
}

// Leases on the throwaway cluster (see lib.mjs): the last test run to finish stops one a test run started.
const leaseDir = () => path.join(cacheDir(), 'postgres-leases');
export const postgresUsers = () => liveLeases(leaseDir());

/**
 * Drops the lease taken with ensurePostgres({ lease: true }); stops the throwaway cluster when no other live
 * process holds one and a test run started it.
 */
export async function releasePostgres() {
  const user = clusterUser();
  const base = clusterBase(user);
  const dataDir = path.join(base, 'data');
  return withLock(path.join(base, 'start.lock'), async () => {
    const others = releaseLease(leaseDir());
    const state = readJson(path.join(base, 'state.json'));
    if (!state || !isAlive(postmasterPid(dataDir))) {
      return { stopped: false, reason: 'not running' };
    }
    if (others.length > 0) {
      return { stopped: false, reason: `still used by pid ${others.join(', ')}` };
    }
    if (state.owner !== 'test-run') {
      return { stopped: false, reason: `started by ${state.owner}` };
    }
    pgCtlStop(state.bin, dataDir, user, base);
    return { stopped: true };
  });
}

/** Who started the running throwaway cluster ('cli', 'test-run', 'test'), or undefined. */
export function throwawayOwner() {
  const user = clusterUser();
  const base = clusterBase(user);
  return isAlive(postmasterPid(path.join(base, 'data')))
    ? readJson(path.join(base, 'state.json'))?.owner
    : undefined;
}

async function main(argv) {
  const { positional } = parseArgs(argv);
  switch (positional[0]) {
    case 'ensure':
    case 'start': {
      const pg = await ensurePostgres({ owner: 'cli' });
      info(`postgres: using ${pg.source}`);
      process.stdout.write(`${pg.url}\n`);
      return 0;
    }
    case 'stop': {
      const stopped = await stopThrowawayPostgres();
      info(stopped ? 'postgres: stopped the throwaway cluster' : 'postgres: no throwaway cluster runs');
      return 0;
    }
    case 'status': {
      const { host, port } = probeAddress();
      const answer = process.env.DATABASE_URL ? 'DATABASE_URL is set' : await probePostgres({ host, port });
      const owner = throwawayOwner();
      process.stdout.write(
        `${host}:${port}: ${answer}; throwaway cluster: ${owner ? `running (started by ${owner})` : 'not running'}\n`,
      );
      return 0;
    }
    default:
      info('usage: node test/infra/postgres.mjs ensure|stop|status');
      return 2;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      info(`postgres: ${error.message}`);
      process.exit(1);
    },
  );
}
