/**
 * Webhook ingest benchmark: Hale's signed-webhook ingest next to a bare Fastify handler that
 * only verifies the signature and inserts one row into the same database, on loopback.
 *
 *   node bench/webhook-ingest.ts [--pglite | --pglite-only] [--split] [--write] [--duration 10]
 *        [--warmup 3] [--rate 1000] [--connections 10] [--log-level info] [--profile] [--calm 1.5]
 *
 * For each server (bare, then Hale), in a child process: a warm-up, a fixed-rate run
 * (autocannon overallRate) and a max-rate run, every request a fresh signed body with a unique
 * wamid. Hale runs with its pg-boss workers on, processing every event in the same process;
 * after each measured run the benchmark waits for the workers to drain the queue and reports
 * how long that took, then checks that every request answered 2xx was stored.
 *
 * --split (PostgreSQL; implied by --write) adds Hale as two processes on the same database:
 * HALE_ROLE=web receives the load, HALE_ROLE=worker (a second child) drains the queue; and the
 * web process alone, with no worker running, for what the request path can do by itself.
 * --calm N waits before each server (up to 10 minutes) until the 1-minute load average is below N.
 *
 * PostgreSQL: a scratch database on BENCH_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres, trust auth), dropped at the end. PGlite: a
 * temporary data folder, removed at the end. --write updates docs/benchmarks.md.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { runLoad, type LoadRun } from './run-load.ts';
import { cpuBetween, sampleCpu, type CpuUse } from './sample-cpu.ts';
import type { ServerStats } from './server-protocol.ts';
import { startGraphApiStub, type GraphApiStub } from './graph-api-stub.ts';
import { buildSignedWebhook } from './signed-webhook.ts';
import { killRunningServers, startServerProcess, type ServerProcess } from './start-server-process.ts';
import { formatLoad, waitForCalm } from './wait-for-calm.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DOC_PATH = path.resolve(HERE, '../docs/benchmarks.md');
const TARGET_RATE_SHARE = 0.5;
const TARGET_P99_MS = 20;
/** The whole command stops by itself after this long (plus any time spent waiting for a calm machine), whatever happens. */
const HARD_DEADLINE_MS = 12 * 60_000;
const CALM_MAX_WAIT_MS = 10 * 60_000;
/** How long to wait for Hale's workers to drain the queue after the warm-up, the fixed-rate and the max-rate run. */
const DRAIN_TIMEOUT_MS = { warmup: 5_000, fixed: 5_000, max: 15_000 } as const;
const PROFILE_DIR = path.join(os.tmpdir(), 'hale-bench-profiles');
const DRAIN_POLL_MS = 250;
/** Queues that are not processing capacity: inbound.process mirrors the pending events, outbound.send is throttled on purpose. */
const NOT_BACKLOG_QUEUES = new Set(['inbound.process', 'outbound.send']);

/** Work left for Hale's workers: events to process plus other unfinished jobs (assistant turns, media), replies excluded. */
function backlogOf(stats: ServerStats): number {
  let jobs = 0;
  for (const [name, count] of Object.entries(stats.queues)) if (!NOT_BACKLOG_QUEUES.has(name)) jobs += count;
  return stats.pending + jobs;
}

type DatabaseKind = 'postgres' | 'pglite';
/**
 * split: Hale as a HALE_ROLE=web process taking the load and a HALE_ROLE=worker process draining it;
 * web: the same web process with no worker running (what the request path does when the workers run elsewhere).
 */
type ServerKind = 'bare' | 'hale' | 'split' | 'web';

const SERVER_LABEL: Record<ServerKind, string> = { bare: 'bare handler', hale: 'Hale', split: 'Hale web + worker', web: 'Hale web alone' };

interface Settings {
  databases: DatabaseKind[];
  write: boolean;
  durationSeconds: number;
  warmupSeconds: number;
  rate: number;
  connections: number;
  logLevel: string;
  profile: boolean;
  /** Also Hale as web + worker processes (PostgreSQL only). */
  split: boolean;
  /** Wait before each server until the 1-minute load average is below this; undefined = do not wait. */
  calm: number | undefined;
  adminUrl: string;
}

interface MeasuredRun {
  load: LoadRun;
  /** Server process CPU during the run, % of one core (split: the web process). */
  serverCpuPercent: number;
  /** Share of the run the server's event loop was busy, % (split: the web process). */
  loopBusyPercent: number;
  /** Split only: the worker process's CPU (% of one core) and event loop busy share (%). */
  worker: { cpuPercent: number; loopBusyPercent: number } | undefined;
  /** PostgreSQL processes and the whole machine during the run (Linux only). */
  cpu: CpuUse | undefined;
  /** Work left for Hale's workers (events to process + assistant turns) when the load started and stopped. */
  backlogAtStart: number;
  backlog: number;
  /** At stop: events not processed yet, and replies waiting to be sent (throttled to WHATSAPP_MPS). */
  eventsPendingAtStop: number;
  repliesQueuedAtStop: number;
  /** Events Hale's workers finished while the load ran, and Graph API calls (replies, read marks) that reached the stub. */
  processedDuringLoad: number;
  graphCallsDuringLoad: number;
  /** Seconds from the end of the load until no work was left; undefined = not drained in time. */
  drainSeconds: number | undefined;
  drainTimeoutSeconds: number;
  /** Net decrease of the work left per second while the benchmark waited for the drain. */
  drainRate: number;
  backlogAfterWait: number;
}

interface TargetResult {
  server: ServerKind;
  /** Load averages (1, 5, 15 min) when this server's runs started. */
  loadAtStart: number[];
  warmup: LoadRun;
  fixed: MeasuredRun;
  max: MeasuredRun;
  verification: {
    sent: number;
    acked: number;
    stored: number;
    missing: number;
    processed: number;
    failed: number;
    pendingAtEnd: number;
    backlogAtEnd: number;
    /** Graph API calls (replies, read marks) the stub had accepted when the server stopped (all runs of this database). */
    graphCalls: number;
  };
}

interface DatabaseResult {
  kind: DatabaseKind;
  version: string;
  bare: TargetResult;
  hale: TargetResult;
  split: TargetResult | undefined;
  web: TargetResult | undefined;
}

interface DatabaseSetup {
  kind: DatabaseKind;
  version: string;
  /** A fresh database for one server (PostgreSQL: a scratch database after a CHECKPOINT; PGlite: a new data folder); the environment for its child(ren). */
  prepare(server: ServerKind): Promise<Record<string, string>>;
  /** Drops that server's scratch database once its runs are over. */
  release(server: ServerKind): Promise<void>;
}

const cleanups: Array<() => Promise<void>> = [];

let cleaning: Promise<void> | undefined;

/** Stops the servers, drops the scratch database and removes temporary files; once, whoever asks first. */
function runCleanups(): Promise<void> {
  cleaning ??= (async () => {
    killRunningServers();
    while (cleanups.length > 0) await cleanups.pop()!().catch((error: unknown) => console.error('cleanup failed:', error));
  })();
  return cleaning;
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

function parseSettings(argv: string[]): Settings {
  const { values } = parseArgs({
    args: argv,
    options: {
      pglite: { type: 'boolean', default: false },
      'pglite-only': { type: 'boolean', default: false },
      write: { type: 'boolean', default: false },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '3' },
      rate: { type: 'string', default: '1000' },
      connections: { type: 'string', default: '10' },
      'log-level': { type: 'string', default: 'info' },
      profile: { type: 'boolean', default: false },
      split: { type: 'boolean', default: false },
      calm: { type: 'string' },
    },
    strict: true,
  });
  const positive = (name: string, raw: string, max: number): number => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`--${name} must be an integer from 1 to ${max}`);
    return value;
  };
  return {
    databases: values['pglite-only'] ? ['pglite'] : values.pglite ? ['postgres', 'pglite'] : ['postgres'],
    write: values.write,
    durationSeconds: positive('duration', values.duration, 60),
    warmupSeconds: positive('warmup', values.warmup, 30),
    rate: positive('rate', values.rate, 20_000),
    connections: positive('connections', values.connections, 200),
    logLevel: values['log-level'],
    profile: values.profile,
    split: values.split || values.write,
    calm: values.calm === undefined ? undefined : calmThreshold(values.calm),
    adminUrl: process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  };
}

function calmThreshold(raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error('--calm must be a positive number (a 1-minute load average)');
  return value;
}

async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function setUpPostgres(settings: Settings, scratchDir: string): Promise<DatabaseSetup> {
  const base = `hale_bench_${randomBytes(5).toString('hex')}`;
  const version = await withAdmin(settings.adminUrl, async (admin) => {
    const result = await admin.query<{ server_version: string }>('SHOW server_version');
    return result.rows[0]?.server_version ?? 'unknown';
  });
  log(`PostgreSQL ${version}: scratch databases ${base}_*`);
  const drops = new Map<ServerKind, () => Promise<void>>();
  return {
    kind: 'postgres',
    version: `PostgreSQL ${version}`,
    async prepare(server) {
      const name = `${base}_${server}`;
      const drop = () => withAdmin(settings.adminUrl, async (admin) => void (await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));
      await withAdmin(settings.adminUrl, async (admin) => {
        await admin.query(`CREATE DATABASE ${name}`);
        // Start each server from the same state: no checkpoint left over from the previous one.
        await admin.query('CHECKPOINT');
      });
      drops.set(server, drop);
      cleanups.push(drop);
      const url = new URL(settings.adminUrl);
      url.pathname = `/${name}`;
      return { BENCH_SERVER_DATABASE_URL: url.toString(), BENCH_SERVER_DATA_DIR: path.join(scratchDir, `postgres-${server}`) };
    },
    async release(server) {
      const drop = drops.get(server);
      if (drop === undefined) return;
      drops.delete(server);
      cleanups.splice(cleanups.indexOf(drop), 1);
      await drop();
    },
  };
}

/** The installed version of a dependency (read from its package.json next to its entry point). */
async function packageVersion(name: string): Promise<string> {
  const entry = fileURLToPath(import.meta.resolve(name));
  const marker = `node_modules/${name}/`;
  const root = entry.slice(0, entry.lastIndexOf(marker) + marker.length);
  return (JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

async function setUpPglite(scratchDir: string): Promise<DatabaseSetup> {
  const version = await packageVersion('@electric-sql/pglite');
  return {
    kind: 'pglite',
    version: `PGlite ${version} (PostgreSQL 18 embedded, one connection, fsync off)`,
    prepare: async (server) => ({ BENCH_SERVER_DATA_DIR: path.join(scratchDir, `pglite-${server}`) }),
    release: async (server) => rm(path.join(scratchDir, `pglite-${server}`), { recursive: true, force: true }),
  };
}

interface Drain {
  /** Stats right after the load stopped. */
  first: ServerStats;
  /** Stats when the wait ended. */
  last: ServerStats;
  /** Seconds from the first stats until no work was left; undefined = work left at the timeout. */
  seconds: number | undefined;
  /** Net decrease of the work left per second while the benchmark waited. */
  rate: number;
}

async function waitDrained(server: ServerProcess, timeoutMs: number): Promise<Drain> {
  const startedAt = performance.now();
  const first = await server.stats();
  let last = first;
  while (backlogOf(last) > 0 && performance.now() - startedAt < timeoutMs) {
    await sleep(DRAIN_POLL_MS);
    last = await server.stats();
  }
  const elapsed = (performance.now() - startedAt) / 1000;
  return {
    first,
    last,
    seconds: backlogOf(last) === 0 ? (backlogOf(first) === 0 ? 0 : elapsed) : undefined,
    rate: elapsed === 0 ? 0 : (backlogOf(first) - backlogOf(last)) / elapsed,
  };
}

/** CPU (% of one core) and event loop busy share (%) of a child between two of its stats. */
function processUse(before: ServerStats, after: ServerStats): { cpuPercent: number; loopBusyPercent: number } {
  const wallMs = after.loopActiveMs + after.loopIdleMs - (before.loopActiveMs + before.loopIdleMs);
  return {
    cpuPercent: ((after.cpuMicros - before.cpuMicros) / 1000 / wallMs) * 100,
    loopBusyPercent: ((after.loopActiveMs - before.loopActiveMs) / wallMs) * 100,
  };
}

/** `server` takes the load and answers the database questions; `worker` (split only) is the HALE_ROLE=worker process. */
async function measure(server: ServerProcess, worker: ServerProcess | undefined, graph: GraphApiStub, drainTimeoutMs: number, load: () => Promise<LoadRun>): Promise<MeasuredRun> {
  const before = await server.stats();
  const workerBefore = await worker?.stats();
  const sendsBefore = graph.sends();
  const cpuBefore = sampleCpu();
  const run = await load();
  const cpu = cpuBetween(cpuBefore, sampleCpu());
  const sendsAfter = graph.sends();
  const workerAfter = await worker?.stats();
  const drain = await waitDrained(server, drainTimeoutMs);
  const after = drain.first;
  const use = processUse(before, after);
  return {
    load: run,
    serverCpuPercent: use.cpuPercent,
    loopBusyPercent: use.loopBusyPercent,
    worker: workerBefore === undefined || workerAfter === undefined ? undefined : processUse(workerBefore, workerAfter),
    cpu,
    backlogAtStart: backlogOf(before),
    backlog: backlogOf(after),
    eventsPendingAtStop: after.pending,
    repliesQueuedAtStop: after.queues['outbound.send'] ?? 0,
    processedDuringLoad: after.processed + after.failed - before.processed - before.failed,
    graphCallsDuringLoad: sendsAfter - sendsBefore,
    drainSeconds: drain.seconds,
    drainTimeoutSeconds: drainTimeoutMs / 1000,
    drainRate: drain.rate,
    backlogAfterWait: backlogOf(drain.last),
  };
}

async function runTarget(settings: Settings, database: DatabaseSetup, server: ServerKind, scratchDir: string, graph: GraphApiStub): Promise<TargetResult> {
  const label = `${database.kind} ${server}`;
  const calm = await waitForCalm(settings.calm, CALM_MAX_WAIT_MS, (message) => log(`${label}: ${message}`));
  extendDeadline(calm.waitedSeconds * 1000);
  const databaseEnv = await database.prepare(server);
  const nodeFlags = settings.profile && server !== 'bare' ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const encryptionKey = randomBytes(32).toString('base64');
  const start = (role: 'all' | 'web' | 'worker') =>
    startServerProcess({
      script: path.join(HERE, server === 'bare' ? 'serve-bare.ts' : 'serve-hale.ts'),
      env: {
        PATH: process.env['PATH'],
        HOME: process.env['HOME'],
        BENCH_SERVER_LOG_LEVEL: settings.logLevel,
        BENCH_SERVER_LOG_FILE: path.join(scratchDir, `${database.kind}-${server}${role === 'all' ? '' : `-${role}`}.log`),
        BENCH_SERVER_GRAPH_URL: graph.url,
        BENCH_SERVER_ROLE: role,
        // The web process stores events encrypted; the worker must read them.
        BENCH_SERVER_ENCRYPTION_KEY: encryptionKey,
        ...databaseEnv,
      },
      nodeFlags,
    });
  // Split: the worker first (it migrates the database and creates the queues), then the web process.
  const worker = server === 'split' ? await start('worker') : undefined;
  // No worker at all: nothing drains, so there is nothing to wait for after a run.
  const drainTimeout = server === 'web' ? { warmup: 0, fixed: 0, max: 0 } : DRAIN_TIMEOUT_MS;
  if (worker !== undefined) log(`${label}: worker (HALE_ROLE=worker) pid ${worker.pid}`);
  let child: ServerProcess | undefined;
  try {
    child = await start(server === 'split' || server === 'web' ? 'web' : 'all');
    log(`${label}: listening on ${child.url} (pid ${child.pid}${server === 'split' || server === 'web' ? ', HALE_ROLE=web' : ''})`);
    const runId = randomBytes(3).toString('hex');
    let seq = 0;
    const next = () => buildSignedWebhook(runId, seq++, Math.floor(Date.now() / 1000));
    const loadOptions = { baseUrl: child.url, connections: settings.connections, next };
    const target = child;

    log(`${label}: warm-up ${settings.warmupSeconds} s`);
    const warmup = await runLoad({ ...loadOptions, durationSeconds: settings.warmupSeconds });
    const warm = await waitDrained(target, drainTimeout.warmup);
    if (warm.seconds === undefined && server !== 'web') log(`${label}: warm-up work still left after ${drainTimeout.warmup / 1000} s: ${backlogOf(warm.last)} (${warm.rate.toFixed(1)} work items/s)`);

    log(`${label}: fixed rate ${settings.rate}/s for ${settings.durationSeconds} s`);
    const fixed = await measure(target, worker, graph, drainTimeout.fixed, () => runLoad({ ...loadOptions, durationSeconds: settings.durationSeconds, overallRate: settings.rate }));
    log(`${label}: ${describeRun(fixed)}`);

    log(`${label}: max rate for ${settings.durationSeconds} s`);
    const max = await measure(target, worker, graph, drainTimeout.max, () => runLoad({ ...loadOptions, durationSeconds: settings.durationSeconds }));
    log(`${label}: ${describeRun(max)}`);

    const acked = [...warmup.acked, ...fixed.load.acked, ...max.load.acked];
    const check = await target.check(acked);
    const stats = await target.stats();
    const verification = {
      sent: warmup.sent + fixed.load.sent + max.load.sent,
      acked: acked.length,
      stored: check.stored,
      missing: check.missing,
      processed: stats.processed,
      failed: stats.failed,
      pendingAtEnd: stats.pending,
      backlogAtEnd: backlogOf(stats),
      graphCalls: graph.sends(),
    };
    log(`${label}: sent ${verification.sent}, 2xx ${verification.acked}, stored ${verification.stored}, lost ${verification.missing}`);
    return { server, loadAtStart: calm.load, warmup, fixed, max, verification };
  } finally {
    // The web process first: it flushes the jobs of every acknowledged event before it exits.
    await child?.stop();
    await worker?.stop();
    await database.release(server);
  }
}

function describeDrain(run: MeasuredRun): string {
  if (run.backlog === 0) return 'no work left';
  if (run.drainSeconds !== undefined) return `work left ${fmtInt(run.backlog)}, drained in ${run.drainSeconds.toFixed(1)} s`;
  return `work left ${fmtInt(run.backlog)}, still ${fmtInt(run.backlogAfterWait)} after ${run.drainTimeoutSeconds} s (${fmtRate(run.drainRate)} work items/s${projectDrain(run)})`;
}

function describeRun(run: MeasuredRun): string {
  const l = run.load;
  const cpu = run.cpu === undefined ? '' : `, PostgreSQL CPU ${run.cpu.postgresPercent.toFixed(0)}%, machine busy ${run.cpu.machineBusyPercent.toFixed(0)}%`;
  return `${fmtInt(l.rate)} 2xx/s, p50 ${fmtMs(l.p50)} ms, p99 ${fmtMs(l.p99)} ms, errors ${l.errors}, non-2xx ${l.non2xx}, server CPU ${run.serverCpuPercent.toFixed(0)}%, loop busy ${run.loopBusyPercent.toFixed(0)}%, client CPU ${l.clientCpuPercent.toFixed(0)}%${cpu}; ${describeDrain(run)}`;
}

/** ", about N s more at that rate" when the queue did not drain in time. */
function projectDrain(run: MeasuredRun): string {
  if (run.drainRate <= 0 || run.backlogAfterWait === 0) return '';
  const seconds = run.backlogAfterWait / run.drainRate;
  return `; about ${seconds >= 120 ? `${(seconds / 60).toFixed(0)} min` : `${seconds.toFixed(0)} s`} more at that rate`;
}

const fmtInt = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');
const fmtRate = (n: number) => (n < 10 ? n.toFixed(1) : fmtInt(n));
const fmtMs = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(2) : n.toFixed(1)) : '–');

function toMarkdown(result: DatabaseResult, settings: Settings): string {
  const runs = (target: TargetResult) =>
    [
      [`max rate, ${settings.connections} connections`, target.max],
      [`fixed ${fmtInt(settings.rate)}/s`, target.fixed],
    ] as const;
  const withWorkers = [result.hale, ...(result.split === undefined ? [] : [result.split])];
  const hales = [...withWorkers, ...(result.web === undefined ? [] : [result.web])];
  const pct = (n: number) => `${n.toFixed(0)}%`;
  const lines: string[] = [];
  lines.push(`#### ${result.version}`, '');
  lines.push('| Server | Run | 2xx | Rate (2xx/s) | p50 (ms) | p99 (ms) | max (ms) | Errors / non-2xx | Server CPU | Event loop busy | PostgreSQL CPU | Machine busy |');
  lines.push('|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const target of [result.bare, ...hales]) {
    for (const [runName, run] of runs(target)) {
      const l = run.load;
      const cpu = run.worker === undefined ? pct(run.serverCpuPercent) : `${pct(run.serverCpuPercent)} + ${pct(run.worker.cpuPercent)}`;
      const loop = run.worker === undefined ? pct(run.loopBusyPercent) : `${pct(run.loopBusyPercent)} + ${pct(run.worker.loopBusyPercent)}`;
      lines.push(
        `| ${SERVER_LABEL[target.server]} | ${runName} | ${fmtInt(l.ok)} | ${fmtInt(l.rate)} | ${fmtMs(l.p50)} | ${fmtMs(l.p99)} | ${fmtMs(l.max)} | ${l.errors} / ${l.non2xx} | ${cpu} | ${loop} | ${result.kind === 'postgres' && run.cpu !== undefined ? pct(run.cpu.postgresPercent) : '–'} | ${run.cpu === undefined ? '–' : pct(run.cpu.machineBusyPercent)} |`,
      );
    }
  }
  if (result.split !== undefined) lines.push('', '*Hale web + worker*: *Server CPU* and *Event loop busy* are the web process + the worker process.');
  if (result.web !== undefined) lines.push('', '*Hale web alone*: the web process with no worker running (events only queue up): what the request path does when the workers run elsewhere.');
  lines.push(
    '',
    `Hale's workers (each event → patient and communication → assistant turn → replies and read mark to the Graph API stub)${result.split === undefined ? ', in the same process' : ': in the same process for *Hale*, in the worker process for *Hale web + worker*'}:`,
    '',
  );
  lines.push('| Deployment | Run | Work left at start | Events processed during the run | Graph API calls during the run | Work left at stop (events pending) | Replies queued at stop | Drain after the load stopped |');
  lines.push('|---|---|--:|--:|--:|--:|--:|---|');
  for (const target of withWorkers) {
    for (const [runName, run] of runs(target)) {
      const drain =
        run.backlog === 0
          ? '–'
          : run.drainSeconds !== undefined
            ? `${run.drainSeconds.toFixed(1)} s`
            : `not within ${run.drainTimeoutSeconds} s: ${fmtInt(run.backlogAfterWait)} left, ${fmtRate(run.drainRate)} work items/s${projectDrain(run)}`;
      lines.push(
        `| ${SERVER_LABEL[target.server]} | ${runName} | ${fmtInt(run.backlogAtStart)} | ${fmtInt(run.processedDuringLoad)} | ${fmtInt(run.graphCallsDuringLoad)} | ${fmtInt(run.backlog)} (${fmtInt(run.eventsPendingAtStop)}) | ${fmtInt(run.repliesQueuedAtStop)} | ${drain} |`,
      );
    }
  }

  lines.push('');
  for (const target of hales) {
    const name = SERVER_LABEL[target.server];
    const share = target.max.load.rate / result.bare.max.load.rate;
    const fixed = target.fixed.load;
    const rateHeld = fixed.rate >= settings.rate * 0.97 && fixed.errors === 0 && fixed.non2xx === 0;
    const rateNote = fixed.rate < settings.rate * 0.97 ? ` (answered only ${fmtInt(fixed.rate)} of the ${fmtInt(settings.rate)} requests/s offered)` : fixed.errors + fixed.non2xx > 0 ? ' (with errors)' : '';
    lines.push(
      `- ${name}: max rate **${(share * 100).toFixed(0)}%** of the bare handler's (target ≥ ${TARGET_RATE_SHARE * 100}%): ${share >= TARGET_RATE_SHARE ? 'met' : '**not met**'}; ` +
        `p99 at ${fmtInt(settings.rate)} webhooks/s **${fmtMs(fixed.p99)} ms** (target ≤ ${TARGET_P99_MS} ms): ${fixed.p99 <= TARGET_P99_MS && rateHeld ? 'met' : '**not met**'}${rateNote}.`,
    );
  }
  const bv = result.bare.verification;
  for (const target of hales) {
    const v = target.verification;
    const name = SERVER_LABEL[target.server];
    lines.push(
      `- Nothing lost (${name}): ${fmtInt(v.acked)} of the ${fmtInt(v.sent)} requests sent (warm-up included) answered 2xx, ${fmtInt(v.stored)} events stored; ` +
        `${v.missing === 0 ? 'every acknowledged event is stored' : `**${v.missing} acknowledged events are missing**`}` +
        `${v.stored > v.acked ? ` (${v.stored - v.acked} more were stored whose response the load generator no longer awaited when a run ended)` : ''}. ` +
        `${target.server === 'web' ? 'No worker ran' : `At the end the workers had processed ${fmtInt(v.processed)} events`} (${v.failed} failed, ${fmtInt(v.pendingAtEnd)} pending).`,
    );
  }
  lines.push(`- Bare handler: ${fmtInt(bv.acked)} 2xx, ${fmtInt(bv.stored)} rows, ${bv.missing === 0 ? 'none missing' : `**${bv.missing} missing**`}.`);
  lines.push(
    `- Load generator (autocannon, one process on the same machine), share of a core during the max-rate runs: ${[result.bare, ...hales].map((t) => `${SERVER_LABEL[t.server]} ${pct(t.max.load.clientCpuPercent)}`).join(', ')}.`,
  );
  return lines.join('\n');
}

/** The commit the measured code came from, and whether src/ had uncommitted changes. */
function codeVersion(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: path.resolve(HERE, '..'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return `Hale ${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--', 'src') === '' ? '' : ' with uncommitted changes in src/'}`;
  } catch {
    return 'Hale (commit unknown)';
  }
}

function machineFacts(settings: Settings, result: DatabaseResult, autocannonVersion: string, code: string): string {
  const command = ['npm run bench:ingest', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ');
  const targets = [result.bare, result.hale, ...(result.split === undefined ? [] : [result.split]), ...(result.web === undefined ? [] : [result.web])];
  return [
    `Run ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} with \`${command}\` on ${code}: ${os.availableParallelism()} cores (\`nproc\`) of ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${result.version}, autocannon ${autocannonVersion}. ` +
      `Warm-up ${settings.warmupSeconds} s, runs ${settings.durationSeconds} s, ${settings.connections} connections, Hale log level ${settings.logLevel}, a fresh database per server. ` +
      `Load average (1, 5, 15 min) when each server started: ${targets.map((t) => `${SERVER_LABEL[t.server]} ${formatLoad(t.loadAtStart)}`).join('; ')}` +
      `${settings.calm === undefined ? '' : ` (each waited up to ${CALM_MAX_WAIT_MS / 60_000} min for a 1-minute load below ${settings.calm})`}.`,
  ].join('\n');
}

async function writeDoc(sections: Record<string, string>): Promise<void> {
  let doc = await readFile(DOC_PATH, 'utf8').catch(() => '# Benchmarks\n');
  for (const [key, content] of Object.entries(sections)) {
    const start = `<!-- bench:${key}:start -->`;
    const end = `<!-- bench:${key}:end -->`;
    const block = `${start}\n${content}\n${end}`;
    const from = doc.indexOf(start);
    const to = doc.indexOf(end);
    doc = from >= 0 && to > from ? `${doc.slice(0, from)}${block}${doc.slice(to + end.length)}` : `${doc.trimEnd()}\n\n${block}\n`;
  }
  await writeFile(DOC_PATH, doc);
  log(`updated ${path.relative(process.cwd(), DOC_PATH)}`);
}

let deadlineAt = Date.now() + HARD_DEADLINE_MS;

/** Time spent waiting for a calm machine does not count against the hard deadline. */
function extendDeadline(ms: number): void {
  deadlineAt += ms;
}

async function main(): Promise<void> {
  const settings = parseSettings(process.argv.slice(2));
  const code = codeVersion();
  deadlineAt = Date.now() + HARD_DEADLINE_MS;
  const deadline = setInterval(() => {
    if (Date.now() < deadlineAt) return;
    clearInterval(deadline);
    log(`gave up after ${HARD_DEADLINE_MS / 60_000} minutes (plus time spent waiting for a calm machine)`);
    void runCleanups().finally(() => process.exit(1));
  }, 1000);
  deadline.unref();
  process.once('SIGINT', () => void runCleanups().finally(() => process.exit(130)));
  process.once('SIGTERM', () => void runCleanups().finally(() => process.exit(143)));

  const scratchDir = await mkdtemp(path.join(os.tmpdir(), 'hale-bench-'));
  cleanups.push(() => rm(scratchDir, { recursive: true, force: true }));
  const startedAt = performance.now();
  const results: DatabaseResult[] = [];
  let failed = false;
  try {
    for (const kind of settings.databases) {
      const graph = await startGraphApiStub();
      try {
        const database = kind === 'postgres' ? await setUpPostgres(settings, scratchDir) : await setUpPglite(scratchDir);
        const bare = await runTarget(settings, database, 'bare', scratchDir, graph);
        const hale = await runTarget(settings, database, 'hale', scratchDir, graph);
        // Two processes cannot share one PGlite data folder: the split deployment needs PostgreSQL.
        const split = settings.split && kind === 'postgres' ? await runTarget(settings, database, 'split', scratchDir, graph) : undefined;
        const web = settings.split && kind === 'postgres' ? await runTarget(settings, database, 'web', scratchDir, graph) : undefined;
        results.push({ kind, version: database.version, bare, hale, split, web });
      } catch (error) {
        failed = true;
        log(`${kind} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      } finally {
        await graph.close();
      }
    }
  } finally {
    clearInterval(deadline);
    await runCleanups();
  }
  if (results.length === 0) process.exit(1);

  const autocannonVersion = await packageVersion('autocannon');
  const sections: Record<string, string> = {};
  for (const result of results) sections[`webhook-ingest:${result.kind}`] = `${machineFacts(settings, result, autocannonVersion, code)}\n\n${toMarkdown(result, settings)}`;
  process.stdout.write(`\n${Object.values(sections).join('\n\n')}\n\n`);
  log(`finished in ${((performance.now() - startedAt) / 1000).toFixed(0)} s`);
  if (settings.profile) log(`CPU profiles of the Hale processes: ${PROFILE_DIR}`);
  if (settings.write) await writeDoc(sections);
  if (failed) process.exitCode = 1;
}

// A closed pipe (e.g. `| head`) must not kill the run before it has cleaned up.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
try {
  await main();
} catch (error) {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await runCleanups();
  process.exit(1);
}
