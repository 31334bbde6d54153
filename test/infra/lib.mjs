// Small helpers shared by kafka.mjs and postgres.mjs. Node built-ins only, so that the scripts work before
// `npm ci` (CI installs Kafka first thing on a new machine).
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Where downloads and throwaway server data live: outside the git work tree, kept between runs. */
export function cacheDir() {
  return process.env.CHORUS_CACHE_DIR || path.join(os.homedir(), '.cache', 'chorus');
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * True while the process exists and is not a zombie. `kill(pid, 0)` alone says yes for a zombie, which is
 * what a broker killed with SIGKILL stays until the Node process that spawned it reaps it.
 */
export function isAlive(pid) {
  if (!pid) {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The state letter follows the parenthesised command name, which may itself contain spaces.
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return error.code === 'EPERM';
    }
  }
}

export function commandLineOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

export function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

export function writeJson(file, value) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

/**
 * A cross-process lock: a file created with O_EXCL holding the owner's pid. Two test runs (or two engineers
 * on one machine) may start the same broker at the same moment; the second must wait and then reuse.
 */
export async function withLock(file, fn, { timeoutMs = 180_000 } = {}) {
  mkdirSync(path.dirname(file), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') {
        throw error;
      }
      let owner;
      try {
        owner = Number(readFileSync(file, 'utf8').trim() || 0);
      } catch {
        continue; // released between our open and our read
      }
      // An owner that died (or has not written its pid yet for long) leaves a stale lock.
      if (owner && !isAlive(owner)) {
        rmSync(file, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for lock ${file} held by pid ${owner}`, { cause: error });
      }
      await sleep(200);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(file, { force: true });
  }
}

/**
 * Leases say which processes use a shared server, so that the last test run to finish stops a server that a
 * test run started, and never one that another run still uses.
 */
export function acquireLease(dir, pid = process.pid) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, String(pid)), '');
}

/** Drops this process's lease and returns the pids of the other processes that still hold one. */
export function releaseLease(dir, pid = process.pid) {
  rmSync(path.join(dir, String(pid)), { force: true });
  return liveLeases(dir);
}

export function liveLeases(dir) {
  if (!existsSync(dir)) {
    return [];
  }
  const live = [];
  for (const name of readdirSync(dir)) {
    const holder = Number(name);
    if (isAlive(holder)) {
      live.push(holder);
    } else {
      rmSync(path.join(dir, name), { force: true });
    }
  }
  return live;
}

/** Resolves true when something accepts a TCP connection on host:port. */
export function tcpAnswers(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (result) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Resolves true when this process could listen on 127.0.0.1:port. */
export function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A free port (and, with `span`, the `span - 1` ports after it free too) on 127.0.0.1. */
export async function freePort(span = 1) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await new Promise((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen({ host: '127.0.0.1', port: 0, exclusive: true }, () => {
        const { port: chosen } = server.address();
        server.close(() => resolve(chosen));
      });
    });
    if (port + span - 1 > 65535) {
      continue;
    }
    let ok = true;
    for (let next = port + 1; next < port + span && ok; next++) {
      ok = await portIsFree(next);
    }
    if (ok) {
      return port;
    }
  }
  throw new Error(`no ${span} consecutive free ports found on 127.0.0.1`);
}

/** Minimal `--flag value` / `--flag=value` / `--switch` parser for the CLIs. */
export function parseArgs(argv, switches = []) {
  const positional = [];
  const flags = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq > 0) {
      flags[arg.slice(2, eq)] = arg.slice(eq + 1);
    } else if (!switches.includes(arg.slice(2)) && i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
      flags[arg.slice(2)] = argv[++i];
    } else {
      flags[arg.slice(2)] = true;
    }
  }
  return { positional, flags };
}

/** Progress goes to stderr so that stdout carries only the address a caller captures. */
export function info(message) {
  process.stderr.write(`${message}\n`);
}
