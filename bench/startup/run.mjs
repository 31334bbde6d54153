#!/usr/bin/env node
// Start-up benchmark: how long `npm start` (chorus start, from the built dist) takes, on an empty data
// directory, until the gateway answers GET /health/ready with 200. The target is 60 s, median of 3 runs
// (issue 3). Also measures a restart on the data directory the first run left (migrations already applied).
//
//   npm run build && npm run bench:startup -- [--runs 3]
//
// Prints the figures and writes bench/results/startup.json. Not a test: it reports, and exits 1 only when
// the median misses the target so that a script can notice.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const bin = path.join(root, 'apps/chorus/dist/main.js');
const runsFlag = process.argv.indexOf('--runs');
const RUNS = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 3;
const TARGET_SECONDS = 60;
const GIVE_UP_MS = 180_000;
const log = (line) => process.stderr.write(`[bench:startup] ${line}\n`);

if (!existsSync(bin)) {
  log(`${path.relative(root, bin)} is missing: run \`npm run build\` first.`);
  process.exit(2);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** One `chorus start`: seconds from spawn to the first 200 on /health/ready, then a graceful stop. */
async function measure(dataDir) {
  const port = await freePort();
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [bin, 'start'], {
    cwd: root,
    env: {
      ...process.env,
      CHORUS_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  try {
    for (;;) {
      if (child.exitCode !== null) {
        throw new Error(`chorus start exited with ${child.exitCode}:\n${output.slice(-2000)}`);
      }
      const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (elapsedMs > GIVE_UP_MS) {
        throw new Error(`not ready after ${GIVE_UP_MS / 1000} s:\n${output.slice(-2000)}`);
      }
      const ready = await globalThis.fetch(`http://127.0.0.1:${port}/health/ready`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ready) {
        const readyLine = output.split('\n').find((line) => line.includes('"Chorus is ready"'));
        const hostMs = readyLine === undefined ? null : JSON.parse(readyLine).startupMs;
        return { seconds: elapsedMs / 1000, hostReportedSeconds: hostMs === null ? null : hostMs / 1000 };
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (child.exitCode === null) {
      child.kill('SIGTERM');
    }
    await exited;
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const scratch = mkdtempSync(path.join(os.tmpdir(), 'chorus-bench-startup-'));
const fresh = [];
let restart = null;
try {
  for (let run = 1; run <= RUNS; run += 1) {
    const dataDir = path.join(scratch, `run-${run}`);
    const result = await measure(dataDir);
    fresh.push(result);
    log(`run ${run}/${RUNS}, empty data directory: ready in ${result.seconds.toFixed(2)} s`);
    if (run === 1) {
      restart = await measure(dataDir);
      log(`restart on run 1's data directory: ready in ${restart.seconds.toFixed(2)} s`);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const medianSeconds = median(fresh.map((r) => r.seconds));
const report = {
  benchmark: 'startup',
  command: 'chorus start (node apps/chorus/dist/main.js start)',
  measuredUntil: 'GET /health/ready -> 200 at the gateway',
  targetSeconds: TARGET_SECONDS,
  runs: fresh,
  medianSeconds: Number(medianSeconds.toFixed(3)),
  restartSeconds: restart === null ? null : Number(restart.seconds.toFixed(3)),
  withinTarget: medianSeconds <= TARGET_SECONDS,
  machine: { node: process.version, cpus: os.cpus().length, platform: `${os.platform()} ${os.release()}` },
  at: new Date().toISOString(),
};
mkdirSync(path.join(root, 'bench/results'), { recursive: true });
writeFileSync(path.join(root, 'bench/results/startup.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(
  `startup: median ${medianSeconds.toFixed(2)} s over ${RUNS} runs on an empty data directory ` +
    `(target ${TARGET_SECONDS} s: ${report.withinTarget ? 'met' : 'MISSED'}); restart ${report.restartSeconds} s. ` +
    'Written to bench/results/startup.json',
);
process.exit(report.withinTarget ? 0 : 1);
