#!/usr/bin/env node
// Publishing benchmark (docs/publishing.md, issue #10), distributed mode: the content service's publisher as
// its own process on real PostgreSQL and a real Kafka broker, the real Mastodon connector, and the Mastodon
// fake answering every request 200 ms after it arrived (the network's latency).
//
//   npm run bench:publish -- --scenario burst|steady|crash [--posts 10000] [--channels 1000]
//                            [--minutes 10] [--rate 50] [--kills 5] [--latency 200] [--stale-ms 15000]
//                            [--publishers 1] [--concurrency 1000] [--brokers host:port] [--out file.json]
//
// burst: every post due at the same instant; steady: --rate posts per second for --minutes; crash: the burst
// with --kills `kill -9` of a publishing process at random moments, each followed by a restart. --publishers:
// how many publishing processes share the due posts (content instances in distributed mode). Duplicates
// and lost posts are counted on the fake's own record. Prints the figures and writes
// bench/results/publish-<scenario>.json. Not a test: nothing here fails on a slow figure.
import { fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startKafka } from '../../test/infra/kafka.mjs';
import { parseArgs } from '../../test/infra/lib.mjs';
import { ensurePostgres } from '../../test/infra/postgres.mjs';
import { ensureBuilt } from './ensure-built.mjs';
import { startCredentialsServer } from './credentials-server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const { flags } = parseArgs(process.argv.slice(2), []);
const scenario = String(flags.scenario ?? 'burst');
if (!['burst', 'steady', 'crash'].includes(scenario)) {
  throw new Error(`--scenario must be burst, steady or crash, not ${scenario}`);
}
const channels = Number(flags.channels ?? 1000);
const rate = Number(flags.rate ?? 50);
const minutes = Number(flags.minutes ?? 10);
const posts = scenario === 'steady' ? Math.round(rate * minutes * 60) : Number(flags.posts ?? 10_000);
const kills = scenario === 'crash' ? Number(flags.kills ?? 5) : 0;
const latencyMs = Number(flags.latency ?? 200);
const publishers = Number(flags.publishers ?? 1);
// Attempts in flight per publishing process (CHORUS_PUBLISHER_CONCURRENCY; the product's default, 1,000).
const concurrency = Number(flags.concurrency ?? 1000);
const out = flags.out
  ? path.resolve(String(flags.out))
  : path.join(root, 'bench/results', `publish-${scenario}.json`);
const log = (line) => process.stderr.write(`[bench:publish] ${line}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

ensureBuilt(root, [
  'packages/contracts',
  'packages/persistence',
  'packages/messaging',
  'packages/access',
  'packages/service-kit',
  'packages/connector-sdk',
  'packages/connector-host',
  'plugins/connector-mastodon',
  'apps/content',
]);
const { MastodonFake } = await import('@chorus/connector-mastodon/testing');
const pg = (await import('pg')).default;

// --- infrastructure ---------------------------------------------------------------------------------
const postgres = await ensurePostgres({ owner: 'cli' });
const dbName = `chorus_bench_publish_${randomBytes(4).toString('hex')}`;
await adminQuery(postgres.url, `CREATE DATABASE "${dbName}"`);
const dbUrl = Object.assign(new URL(postgres.url), { pathname: `/${dbName}` }).toString();
log(`PostgreSQL: ${postgres.source}, database ${dbName}`);
// --brokers: a broker already running (the test suite's); otherwise one of the benchmark's own.
const broker = flags.brokers
  ? { version: 'given', bootstrap: String(flags.brokers), dispose: () => Promise.resolve() }
  : await startKafka({ port: 0, fresh: true, owner: 'test' });
log(`Kafka ${broker.version} on ${broker.bootstrap}`);

// Per-account budgets far above what the benchmark asks of one account: the fake's own throttles stay on.
// Idempotency-Keys are not remembered (TTL 0): a blind resend shows up as a duplicate on the fake's record.
// Every request is answered `latencyMs` after it arrived; its arrival is when a publish call started.
const fake = await MastodonFake.start({
  instance: { idempotencyTtlSeconds: 0 },
  throttles: { perToken: { limit: 100_000, periodSeconds: 300 } },
  latencyMs,
});
const internalToken = randomBytes(32).toString('base64url');
const credentialsByChannel = new Map();
const channelIds = [];
for (let i = 0; i < channels; i += 1) {
  const account = fake.createAccount(`brand${i}`);
  const channelId = randomUUID();
  channelIds.push(channelId);
  credentialsByChannel.set(channelId, {
    accountId: `${account.id}@${new URL(fake.url).host}`,
    accessToken: fake.tokenFor(account.id),
    extra: { instanceUrl: fake.url, clientId: 'bench', clientSecret: 'bench', username: `brand${i}` },
  });
}
const gateway = await startCredentialsServer(internalToken, credentialsByChannel);

const childEnv = {
  ...process.env,
  DATABASE_URL: dbUrl,
  KAFKA_BROKERS: broker.bootstrap,
  BENCH_ROOT: root,
  BENCH_GATEWAY_URL: gateway.url,
  CHORUS_INTERNAL_TOKEN: internalToken,
  BENCH_GROUP_PREFIX: `bench-${randomBytes(4).toString('hex')}.`,
  BENCH_CONCURRENCY: String(concurrency),
  ...(flags['stale-ms'] ? { BENCH_STALE_MS: String(flags['stale-ms']) } : {}),
  ...(flags['stale-ms'] ? { BENCH_HEARTBEAT_MS: String(Math.max(100, Number(flags['stale-ms']) / 5)) } : {}),
};
const children = [];
const startPublisher = (index) =>
  new Promise((resolve, reject) => {
    const child = fork(path.join(here, 'publisher-process.mjs'), {
      env: childEnv,
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    children[index] = child;
    child.once('message', (message) => (message === 'ready' ? resolve() : undefined));
    child.once('exit', (code, signal) =>
      reject(new Error(`publisher exited before it was ready (${code ?? signal})`)),
    );
  });

const database = new pg.Client({ connectionString: dbUrl });
let result;
try {
  await Promise.all(Array.from({ length: publishers }, (_, index) => startPublisher(index)));
  await database.connect();
  log(`publisher up; seeding ${posts} posts on ${channels} channels`);

  // --- the posts: publications as scheduling writes them (one target each, round robin over channels) -----
  const tenantId = randomUUID();
  const workspaceId = randomUUID();
  const seedDone = Date.now();
  const firstDue = new Date(seedDone + 8_000 + posts / 5);
  const dueOf = (i) =>
    scenario === 'steady' ? new Date(firstDue.getTime() + Math.floor((i * 1000) / rate)) : firstDue;
  const texts = new Map();
  for (let start = 0; start < posts; start += 1000) {
    const rows = [];
    for (let i = start; i < Math.min(posts, start + 1000); i += 1) {
      const targetId = randomUUID();
      const channelId = channelIds[i % channels];
      const text = `Benchmark post ${i} ${targetId}`;
      const due = dueOf(i);
      texts.set(targetId, {
        text,
        accountId: credentialsByChannel.get(channelId).accountId.split('@')[0],
        due,
      });
      rows.push({ targetId, channelId, text, due: due.toISOString() });
    }
    await database.query(
      `INSERT INTO content.publication (target_id, tenant_id, workspace_id, post_id, channel_id, network, revision,
         payload, due_at, next_attempt_at, state, idempotency_key, fingerprint, updated_at)
       SELECT (r->>'targetId')::uuid, $2::uuid, $3::uuid, gen_random_uuid(), (r->>'channelId')::uuid, 'mastodon', 1,
              jsonb_build_object('postId', gen_random_uuid(), 'targetId', r->>'targetId', 'channelId', r->>'channelId',
                'network', 'mastodon', 'revision', 1, 'scheduledFor', r->>'due', 'timeZone', 'UTC',
                'contentType', 'text', 'text', r->>'text', 'firstComment', null, 'thread', '[]'::jsonb,
                'media', '[]'::jsonb, 'settings', '{}'::jsonb, 'utm', null, 'goalIds', '[]'::jsonb,
                'campaignId', null, 'pillarKey', null, 'tags', '[]'::jsonb, 'scheduledById', $2::text),
              (r->>'due')::timestamptz, (r->>'due')::timestamptz, 'scheduled', (r->>'targetId') || ':r1',
              md5(r->>'text'), now()
         FROM jsonb_array_elements($1::jsonb) AS r`,
      [JSON.stringify(rows), tenantId, workspaceId],
    );
  }
  log(`seeded; first post due at ${firstDue.toISOString()}`);

  // --- the run ---------------------------------------------------------------------------------------
  const lastDue = dueOf(posts - 1).getTime();
  const killTimes = [];
  let lastRestartAt = null;
  if (kills > 0) {
    // Kill moments spread over the expected hand-over time of the burst without kills (about 0.7 ms a post
    // on 2 cores), so that every kill lands while posts are being sent.
    const window = Math.max(3_000, Math.round(posts * 0.7));
    for (let k = 0; k < kills; k += 1) {
      killTimes.push(firstDue.getTime() + Math.floor(Math.random() * window));
    }
    killTimes.sort((a, b) => a - b);
    for (const at of killTimes) {
      await sleep(Math.max(0, at - Date.now()));
      const victim = Math.floor(Math.random() * publishers);
      const child = children[victim];
      child.removeAllListeners('exit');
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      log(`killed publisher ${victim} at +${Date.now() - firstDue.getTime()} ms; restarting`);
      await startPublisher(victim);
      lastRestartAt = Date.now();
    }
  }
  // Wait until every publication is settled (or the time is up).
  const deadline = Math.max(lastDue, lastRestartAt ?? 0) + 180_000;
  let open = posts;
  while (Date.now() < deadline) {
    const [row] = (
      await database.query(
        `SELECT count(*)::int AS n FROM content.publication WHERE state IN ('scheduled', 'waiting', 'publishing')`,
      )
    ).rows;
    open = row.n;
    if (open === 0) {
      break;
    }
    await sleep(250);
  }
  const settledAt = Date.now();

  // --- figures, from the fake's own record and request log -------------------------------------------
  const states = Object.fromEntries(
    (
      await database.query(`SELECT state, count(*)::int AS n FROM content.publication GROUP BY state`)
    ).rows.map((r) => [r.state, r.n]),
  );
  // When the publisher claimed each target (its last attempt), against when it was due.
  const [claims] = (
    await database.query(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM attempt_started_at - due_at) * 1000) AS p50,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM attempt_started_at - due_at) * 1000) AS p99
         FROM content.publication`,
    )
  ).rows;
  const requests = {};
  for (const r of fake.requests()) {
    const key = `${r.method} ${r.path.replace(/\/\d+/gu, '/:id')} ${r.status}`;
    requests[key] = (requests[key] ?? 0) + 1;
  }
  // Calls per idempotency key: more than one means a target was sent again (after a look-up found nothing).
  // The first arrival of each call is when it started (lateness is measured from it).
  const postsPerKey = new Map();
  const callStarts = new Map();
  for (const r of fake.requests()) {
    if (r.method === 'POST' && r.path === '/api/v1/statuses' && r.idempotencyKey !== null) {
      postsPerKey.set(r.idempotencyKey, (postsPerKey.get(r.idempotencyKey) ?? 0) + 1);
      if (!callStarts.has(r.idempotencyKey)) {
        callStarts.set(r.idempotencyKey, r.receivedAt);
      }
    }
  }
  const resends = [...postsPerKey.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  const onNetwork = new Map();
  for (const status of fake.published()) {
    const key = `${status.accountId}|${status.text}`;
    onNetwork.set(key, (onNetwork.get(key) ?? 0) + 1);
  }
  let duplicates = 0;
  let lost = 0;
  const lateness = [];
  for (const [targetId, { text, accountId, due }] of texts) {
    const count = onNetwork.get(`${accountId}|${text}`) ?? 0;
    duplicates += Math.max(0, count - 1);
    lost += count === 0 ? 1 : 0;
    const started = callStarts.get(`${targetId}:r1`);
    if (started !== undefined) {
      lateness.push(started - due.getTime());
    }
  }
  lateness.sort((a, b) => a - b);
  const pct = (p) =>
    lateness.length === 0
      ? null
      : lateness[Math.min(lateness.length - 1, Math.ceil((p / 100) * lateness.length) - 1)];
  const lastCall = Math.max(...callStarts.values());
  result = {
    scenario,
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
    parameters: {
      posts,
      channels,
      latencyMs,
      publishers,
      concurrency,
      ...(scenario === 'steady' ? { rate, minutes } : {}),
      kills,
    },
    metrics: {
      allHandedOverSeconds:
        scenario === 'steady' ? null : Number(((lastCall - firstDue.getTime()) / 1000).toFixed(2)),
      p50LatenessMs: pct(50),
      p99LatenessMs: pct(99),
      maxLatenessMs: lateness.at(-1) ?? null,
      duplicates,
      resends,
      lost,
      settleSeconds: lastRestartAt === null ? null : Number(((settledAt - lastRestartAt) / 1000).toFixed(2)),
      unsettled: open,
      claimLatenessP50Ms: Math.round(claims.p50),
      claimLatenessP99Ms: Math.round(claims.p99),
      states,
      networkRequests: requests,
    },
  };
} finally {
  for (const child of children) {
    child.removeAllListeners('exit');
  }
  if (process.execArgv.some((arg) => arg.startsWith('--cpu-prof'))) {
    // Profiling (node --cpu-prof bench/publish/run.mjs): a graceful stop lets each publisher write its profile.
    const exited = children.map((child) => new Promise((resolve) => child.once('exit', resolve)));
    for (const child of children) {
      child.kill('SIGTERM');
    }
    await Promise.race([Promise.all(exited), sleep(20_000)]);
  }
  for (const child of children) {
    child.kill('SIGKILL');
  }
  await database.end().catch(() => undefined);
  await gateway.close();
  await fake.close();
  await broker.dispose().catch(() => undefined);
  await adminQuery(postgres.url, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined);
}

mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(result.metrics, null, 2)}\n`);
log(`wrote ${path.relative(root, out)}`);
process.exit(0);

async function adminQuery(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
