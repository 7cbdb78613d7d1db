/**
 * Assistant load benchmark (issue #4): many patients write at once; how long from the moment
 * Hale receives a patient's webhook until its first reply reaches the Graph API, and does every
 * message that deserves a reply get exactly the replies the conversation engine produces?
 *
 *   node bench/assistant-load.ts [--pglite | --pglite-only] [--write] [--personas 2000] [--rate 200]
 *        [--seconds 60] [--mps 80,1000] [--drain 180] [--warmup 20] [--log-level info] [--calm 1.5] [--profile]
 *
 * For each database and each send limit (WHATSAPP_MPS, the simulator's mps set alike):
 *   1. a fresh database (PostgreSQL: a scratch database on BENCH_DATABASE_URL, default
 *      postgres://postgres@127.0.0.1:5432/postgres; PGlite: a new data folder);
 *   2. the WhatsApp simulator in a child process (bench/serve-simulator.ts) as Hale's Graph API,
 *      and the real Hale (`startHale`, bundled demo clinic, HALE_ROLE=all) in another
 *      (bench/serve-hale.ts), the simulator delivering signed webhooks to it;
 *   3. a short warm-up through the simulator's `POST /simulator/api/inbound` (other personas);
 *   4. the simulator's load mode (`POST /simulator/api/load`): N personas × M text messages at R/s;
 *   5. a bounded wait until Hale has nothing left to do (events, assistant turns, replies) and
 *      the simulator no webhooks to deliver;
 *   6. every load message followed from Hale's receipt (inbound_events.received_at) to the Graph
 *      request of each of its replies (the simulator's own request log, recorded in full by its
 *      process), and compared with what the conversation engine produces for the same messages.
 *
 * --write rewrites the `assistant-load:<database>` blocks of docs/benchmarks.md. --profile writes a
 * V8 CPU profile of each Hale process to $TMPDIR/hale-bench-profiles/ (read it with
 * bench/summarize-cpu-profile.ts). --calm N waits before each run (up to 10 minutes) until the
 * 1-minute load average is below N.
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
import { demoClinicConfigPath, loadClinicConfig } from '../src/adapters/clinic-config/load-clinic-config.ts';
import { createNlu } from '../src/adapters/nlu/create-nlu.ts';
import { initialState, type ConversationState, type Owner } from '../src/core/assistant/conversation-state.ts';
import { handleTurn } from '../src/core/assistant/handle-turn.ts';
import type { ReplyReport } from './reply-report.ts';
import { cpuBetween, sampleCpu, type CpuUse } from './sample-cpu.ts';
import type { ServerStats } from './server-protocol.ts';
import type { GraphLogEntry, PersonaMessage } from './serve-simulator.ts';
import { killRunningServers, startServerProcess, type ServerProcess } from './start-server-process.ts';
import { formatLoad, waitForCalm } from './wait-for-calm.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DOC_PATH = path.resolve(HERE, '../docs/benchmarks.md');
/** The simulator's load mode limits (simulator/load-runner.ts). */
const SIM_LIMITS = { personas: 2_000, messagesPerPersona: 200, ratePerSecond: 500, total: 20_000 } as const;
/** Issue #4. */
const TARGET = { personas: 2_000, rate: 200, seconds: 60, p50Ms: 30, p99Ms: 150 } as const;
/** wa_ids of the load mode's personas (`1555900` + 4 digits) and of the warm-up personas. */
const LOAD_PREFIX = '1555900';
const WARMUP_PREFIX = '1555800';
const WARMUP_TEXTS = ['Hello', 'What are your opening hours?', 'Do you take insurance?'];
const CALM_MAX_WAIT_MS = 10 * 60_000;
const POLL_MS = 2_000;
const PROFILE_DIR = path.join(os.tmpdir(), 'hale-bench-profiles');
/** How often PostgreSQL's sessions are sampled (pg_stat_activity) while the simulator sends. */
const WAIT_SAMPLE_MS = 250;

type DatabaseKind = 'postgres' | 'pglite';

interface Settings {
  databases: DatabaseKind[];
  write: boolean;
  requestedPersonas: number;
  personas: number;
  rate: number;
  seconds: number;
  messagesPerPersona: number;
  mpsList: number[];
  drainSeconds: number;
  warmupPersonas: number;
  logLevel: string;
  calm: number | undefined;
  profile: boolean;
  adminUrl: string;
}

interface LoadReport {
  state: 'idle' | 'running' | 'done' | 'stopped';
  startedAt?: string;
  planned: number;
  sent: number;
  answered: number;
  byStatus: Record<string, number>;
  latencyMs: { min: number; mean: number; p50: number; p90: number; p99: number; max: number } | null;
  durationMs: number;
}

interface Percentiles {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

interface ProcessUse {
  cpuPercent: number;
  loopBusyPercent: number;
}

interface Analysis {
  /** Load messages the simulator created, and how many Hale recorded (with their receipt time). */
  messages: number;
  recorded: number;
  /** Replies the conversation engine produces for these messages, and messages with at least one. */
  expectedReplies: number;
  messagesExpectingReply: number;
  /** Assistant replies Hale wrote for load messages, and those whose Graph request was accepted. */
  repliesWritten: number;
  repliesSent: number;
  /** Receipt (inbound_events.received_at) → Graph request of the first reply / of every reply. */
  firstReply: Percentiles | undefined;
  everyReply: Percentiles | undefined;
  /** The simulator's send time (the patient presses send) → Graph request of the first reply. */
  patientToFirstReply: Percentiles | undefined;
  /** First replies, stage by stage: receipt → event processed → reply written → Graph request. */
  stages: { toProcessed: Percentiles | undefined; toWritten: Percentiles | undefined; toGraph: Percentiles | undefined };
  /** Messages that should have had a reply and had none sent; expected replies not sent, by cause. */
  lostMessages: number;
  lostReplies: number;
  lostBy: { notRecorded: number; notWritten: number; stillQueued: number; failed: number };
  /** Replies written beyond what the engine produces, and accepted Graph sends Hale recorded under no reply (a reply sent twice). */
  extraReplies: number;
  unrecordedSends: number;
  graph: { sendsAccepted: number; sendsRejected: Record<string, number>; reads: number };
  /** Replies per message by position in the persona's conversation: the engine's count and what Hale sent. */
  profile: Array<{ seq: number; expected: number; mean: number; min: number; max: number }>;
  /** Graph send requests per second over the whole scenario, the busiest second. */
  peakSendsPerSecond: number;
  /** Seconds from the first load message until the last reply reached the Graph API. */
  lastReplyAfterSeconds: number;
}

interface ScenarioResult {
  database: DatabaseKind;
  mps: number;
  loadAtStart: number[];
  load: LoadReport;
  hale: ProcessUse;
  simulator: ProcessUse;
  cpu: CpuUse | undefined;
  peak: { eventsPending: number; repliesQueued: number };
  drain: { seconds: number | undefined; timeoutSeconds: number; leftEvents: number; leftJobs: number; leftDeliveries: number };
  deliveriesDropped: number;
  events: ReplyReport['events'];
  jobsFailed: number;
  owners: Record<string, number>;
  /** PostgreSQL only: Hale's sessions sampled from the start of the load until Hale finished. */
  waits: WaitSummary | undefined;
  /** PostgreSQL only: statements Hale (and pg-boss) sent from the start of the load until Hale finished, and events processed meanwhile. */
  statements: { count: number; eventsProcessed: number } | undefined;
  /** Warnings, errors, deferrals and retries in Hale's log, by message. */
  logNotes: Record<string, number>;
  /** pgboss.job by queue and state when Hale finished. */
  jobs: ReplyReport['jobs'];
  /** Outbound communications in all (warm-up included). */
  outboundTotal: number;
  analysis: Analysis;
}

const cleanups: Array<() => Promise<void>> = [];
let cleaning: Promise<void> | undefined;

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
      personas: { type: 'string', default: String(TARGET.personas) },
      rate: { type: 'string', default: String(TARGET.rate) },
      seconds: { type: 'string', default: String(TARGET.seconds) },
      mps: { type: 'string', default: '80,1000' },
      drain: { type: 'string', default: '180' },
      warmup: { type: 'string', default: '20' },
      'log-level': { type: 'string', default: 'info' },
      calm: { type: 'string' },
      profile: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const integer = (name: string, raw: string, min: number, max: number): number => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name} must be an integer from ${min} to ${max}`);
    return value;
  };
  const requestedPersonas = integer('personas', values.personas, 1, 100_000);
  const personas = Math.min(requestedPersonas, SIM_LIMITS.personas);
  const rate = integer('rate', values.rate, 1, SIM_LIMITS.ratePerSecond);
  const seconds = integer('seconds', values.seconds, 1, 600);
  const messagesPerPersona = Math.max(1, Math.round((rate * seconds) / personas));
  if (messagesPerPersona > SIM_LIMITS.messagesPerPersona || personas * messagesPerPersona > SIM_LIMITS.total) {
    throw new Error(`${personas} personas × ${messagesPerPersona} messages exceeds the simulator's load limits (${SIM_LIMITS.messagesPerPersona} per persona, ${SIM_LIMITS.total} in all)`);
  }
  const mpsList = values.mps.split(',').map((part) => integer('mps', part.trim(), 1, 1000));
  const calm = values.calm === undefined ? undefined : Number(values.calm);
  if (calm !== undefined && (!Number.isFinite(calm) || calm <= 0)) throw new Error('--calm must be a positive number (a 1-minute load average)');
  return {
    databases: values['pglite-only'] ? ['pglite'] : values.pglite ? ['postgres', 'pglite'] : ['postgres'],
    write: values.write,
    requestedPersonas,
    personas,
    rate,
    seconds,
    messagesPerPersona,
    mpsList,
    drainSeconds: integer('drain', values.drain, 5, 1800),
    warmupPersonas: integer('warmup', values.warmup, 0, 200),
    logLevel: values['log-level'],
    calm,
    profile: values.profile,
    adminUrl: process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  };
}

// ---------------------------------------------------------------------------------------------
// Databases

interface DatabaseSetup {
  kind: DatabaseKind;
  version: string;
  /** The scenario's database URL (PostgreSQL only), for sampling its sessions. */
  urlOf(tag: string): string | undefined;
  /** A fresh database for one scenario; the environment for Hale's child. */
  prepare(tag: string): Promise<Record<string, string>>;
  release(tag: string): Promise<void>;
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
  const base = `hale_bench_assistant_${randomBytes(4).toString('hex')}`;
  const version = await withAdmin(settings.adminUrl, async (admin) => (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? 'unknown');
  const drops = new Map<string, () => Promise<void>>();
  const urlOf = (tag: string) => {
    const url = new URL(settings.adminUrl);
    url.pathname = `/${base}_${tag}`;
    return url.toString();
  };
  return {
    kind: 'postgres',
    version: `PostgreSQL ${version}`,
    urlOf,
    async prepare(tag) {
      const name = `${base}_${tag}`;
      const drop = () => withAdmin(settings.adminUrl, async (admin) => void (await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));
      await withAdmin(settings.adminUrl, async (admin) => {
        await admin.query(`CREATE DATABASE ${name}`);
        await admin.query('CHECKPOINT');
      });
      drops.set(tag, drop);
      cleanups.push(drop);
      log(`PostgreSQL ${version}: scratch database ${name}`);
      return { BENCH_SERVER_DATABASE_URL: urlOf(tag), BENCH_SERVER_DATA_DIR: path.join(scratchDir, `postgres-${tag}`) };
    },
    async release(tag) {
      const drop = drops.get(tag);
      if (drop === undefined) return;
      drops.delete(tag);
      cleanups.splice(cleanups.indexOf(drop), 1);
      await drop();
    },
  };
}

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
    urlOf: () => undefined,
    prepare: async (tag) => ({ BENCH_SERVER_DATA_DIR: path.join(scratchDir, `pglite-${tag}`) }),
    release: async (tag) => rm(path.join(scratchDir, `pglite-${tag}`), { recursive: true, force: true }),
  };
}

// ---------------------------------------------------------------------------------------------
// The conversation engine's reference: how many replies each message should get

/**
 * Replies the engine produces for each message of one persona's conversation, computed with the
 * same engine and NLU Hale runs (src/core/assistant/handle-turn.ts, the bundled demo clinic),
 * message after message as `runAssistant` does. Messages are handled one by one whatever the
 * batching, so the count per message does not depend on timing.
 */
async function createReference(): Promise<(texts: string[]) => Promise<number[]>> {
  const clinic = await loadClinicConfig(demoClinicConfigPath);
  const nlu = await createNlu(clinic);
  const memo = new Map<string, number[]>();
  return async (texts) => {
    const key = texts.join('\u0000');
    const known = memo.get(key);
    if (known !== undefined) return known;
    let state: ConversationState = { ...initialState(), language: undefined };
    let owner: Owner = 'bot';
    let optedOut = false;
    const counts: number[] = [];
    for (const text of texts) {
      const understanding = await nlu.understand(text, { language: state.language });
      const result = handleTurn({ config: clinic, now: new Date(), state, owner, optedOut, content: { kind: 'text', text }, understanding });
      for (const effect of result.effects) {
        if (effect.type === 'patient.opted_out') optedOut = true;
        if (effect.type === 'patient.opted_in') optedOut = false;
      }
      counts.push(result.replies.length);
      state = result.state;
      owner = result.owner;
    }
    memo.set(key, counts);
    return counts;
  };
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL sessions: what Hale's connections are doing (or waiting for) while it works

interface WaitSummary {
  samples: number;
  /** Mean number of non-idle sessions of Hale's database per sample, by state and wait event. */
  byWait: Array<{ wait: string; sessions: number }>;
  /** Statements seen waiting for a lock, by how often. */
  lockWaits: Array<{ query: string; sessions: number }>;
}

async function sampleWaits(url: string | undefined): Promise<{ stop(): Promise<WaitSummary> } | undefined> {
  if (url === undefined) return undefined;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  client.on('error', () => undefined);
  const byWait = new Map<string, number>();
  const lockWaits = new Map<string, number>();
  let samples = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const result = await client.query<{ state: string; wait: string | null; query: string }>(
        `SELECT state, wait_event_type || ':' || wait_event AS wait, left(regexp_replace(query, '\\s+', ' ', 'g'), 90) AS query
         FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state IS NOT NULL AND state <> 'idle'`,
      );
      samples += 1;
      for (const row of result.rows) {
        const key = row.state === 'active' ? (row.wait === null ? 'running a statement' : `waiting for ${row.wait}`) : `${row.state}${row.wait === null ? '' : ` (${row.wait})`}`;
        byWait.set(key, (byWait.get(key) ?? 0) + 1);
        if (row.state === 'active' && row.wait?.startsWith('Lock:') === true) lockWaits.set(row.query, (lockWaits.get(row.query) ?? 0) + 1);
      }
      await sleep(WAIT_SAMPLE_MS);
    }
  })().catch((error: unknown) => log(`session sampling stopped: ${error instanceof Error ? error.message : String(error)}`));
  const ranked = (map: Map<string, number>) => [...map.entries()].sort((a, b) => b[1] - a[1]).map(([key, n]) => [key, n / Math.max(1, samples)] as const);
  return {
    async stop() {
      stopped = true;
      await loop;
      await client.end().catch(() => undefined);
      return {
        samples,
        byWait: ranked(byWait).map(([wait, sessions]) => ({ wait, sessions })),
        lockWaits: ranked(lockWaits)
          .slice(0, 5)
          .map(([query, sessions]) => ({ query, sessions })),
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// One scenario

async function simulatorApi<T>(simUrl: string, method: 'GET' | 'POST' | 'DELETE', route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${simUrl}/simulator/api${route}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`simulator ${method} ${route}: HTTP ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

function use(before: ServerStats, after: ServerStats): ProcessUse {
  const wallMs = after.loopActiveMs + after.loopIdleMs - (before.loopActiveMs + before.loopIdleMs);
  return {
    cpuPercent: ((after.cpuMicros - before.cpuMicros) / 1000 / wallMs) * 100,
    loopBusyPercent: ((after.loopActiveMs - before.loopActiveMs) / wallMs) * 100,
  };
}

const jobsLeft = (stats: ServerStats) => Object.values(stats.queues).reduce((sum, n) => sum + n, 0);

/** Waits until Hale has no event, job or reply left and the simulator no webhook to deliver (twice in a row), at most `timeoutMs`. */
async function waitIdle(hale: ServerProcess, sim: ServerProcess, timeoutMs: number): Promise<{ seconds: number | undefined; hale: ServerStats; simPending: number }> {
  const startedAt = performance.now();
  let quietPolls = 0;
  for (;;) {
    const stats = await hale.stats();
    const simStats = await sim.stats();
    const busy = stats.pending + jobsLeft(stats) + simStats.pending;
    quietPolls = busy === 0 ? quietPolls + 1 : 0;
    const elapsed = performance.now() - startedAt;
    if (quietPolls >= 2) return { seconds: elapsed / 1000, hale: stats, simPending: simStats.pending };
    if (elapsed >= timeoutMs) return { seconds: undefined, hale: stats, simPending: simStats.pending };
    await sleep(quietPolls > 0 ? 500 : 1_000);
  }
}

async function warmUp(simUrl: string, personas: number): Promise<void> {
  if (personas === 0) return;
  await Promise.all(
    Array.from({ length: personas }, async (_, i) => {
      const waId = `${WARMUP_PREFIX}${String(i + 1).padStart(4, '0')}`;
      for (const text of WARMUP_TEXTS) await simulatorApi(simUrl, 'POST', '/inbound', { wa_id: waId, name: `Warm-up ${i + 1}`, text });
    }),
  );
}

async function runScenario(settings: Settings, database: DatabaseSetup, mps: number, scratchDir: string, reference: (texts: string[]) => Promise<number[]>): Promise<ScenarioResult> {
  const tag = `mps${mps}`;
  const label = `${database.kind} WHATSAPP_MPS=${mps}`;
  const calm = await waitForCalm(settings.calm, CALM_MAX_WAIT_MS, (message) => log(`${label}: ${message}`));
  extendDeadline(calm.waitedSeconds * 1000);
  const databaseEnv = await database.prepare(tag);
  const baseEnv = { PATH: process.env['PATH'], HOME: process.env['HOME'] };
  const logFile = path.join(scratchDir, `${database.kind}-${tag}.log`);
  let sim: ServerProcess | undefined;
  let hale: ServerProcess | undefined;
  try {
    sim = await startServerProcess({ script: path.join(HERE, 'serve-simulator.ts'), env: { ...baseEnv, BENCH_SIM_MPS: String(mps) } });
    log(`${label}: simulator on ${sim.url} (pid ${sim.pid}), mps ${mps}`);
    hale = await startServerProcess({
      script: path.join(HERE, 'serve-hale.ts'),
      env: {
        ...baseEnv,
        ...databaseEnv,
        BENCH_SERVER_LOG_LEVEL: settings.logLevel,
        BENCH_SERVER_LOG_FILE: logFile,
        BENCH_SERVER_GRAPH_URL: sim.url,
        BENCH_SERVER_MPS: String(mps),
        BENCH_SERVER_ROLE: 'all',
        BENCH_SERVER_COUNT_QUERIES: '1',
        ...(process.env['BENCH_SERVER_POOL_SIZE'] === undefined ? {} : { BENCH_SERVER_POOL_SIZE: process.env['BENCH_SERVER_POOL_SIZE'] }),
        ...(settings.profile ? { BENCH_SERVER_QUERY_HISTOGRAM: path.join(PROFILE_DIR, `statements-${database.kind}-${mps}.json`) } : {}),
      },
      startTimeoutMs: 120_000,
      ...(settings.profile ? { nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] } : {}),
    });
    log(`${label}: Hale on ${hale.url} (pid ${hale.pid})`);
    await sim.call('setWebhook', { url: `${hale.url}/webhooks/whatsapp` });
    const simUrl = sim.url;

    log(`${label}: warm-up, ${settings.warmupPersonas} personas × ${WARMUP_TEXTS.length} messages`);
    await warmUp(simUrl, settings.warmupPersonas);
    const warm = await waitIdle(hale, sim, 60_000);
    if (warm.seconds === undefined) log(`${label}: warm-up work still left after 60 s`);

    const haleBefore = await hale.stats();
    const simBefore = await sim.stats();
    const cpuBefore = sampleCpu();
    const options = { personas: settings.personas, messagesPerPersona: settings.messagesPerPersona, ratePerSecond: settings.rate };
    log(`${label}: load ${options.personas} personas × ${options.messagesPerPersona} messages at ${options.ratePerSecond}/s`);
    const queriesBefore = Number(await hale.call('queryCount'));
    const sampler = await sampleWaits(database.urlOf(tag));
    await simulatorApi(simUrl, 'POST', '/load', options);
    const plannedSeconds = (options.personas * options.messagesPerPersona) / options.ratePerSecond;
    const loadDeadline = performance.now() + (plannedSeconds + 360) * 1000; // the simulator stops a run after 5 min itself
    const peak = { eventsPending: 0, repliesQueued: 0 };
    let report = await simulatorApi<LoadReport>(simUrl, 'GET', '/load');
    let lastLog = 0;
    while (report.state === 'running' && performance.now() < loadDeadline) {
      await sleep(POLL_MS);
      const stats = await hale.stats();
      peak.eventsPending = Math.max(peak.eventsPending, stats.pending);
      peak.repliesQueued = Math.max(peak.repliesQueued, stats.queues['outbound.send'] ?? 0);
      report = await simulatorApi<LoadReport>(simUrl, 'GET', '/load');
      if (performance.now() - lastLog > 10_000) {
        lastLog = performance.now();
        log(`${label}: sent ${report.sent}/${report.planned}, answered ${report.answered}; Hale: ${stats.pending} events waiting, ${stats.queues['outbound.send'] ?? 0} replies queued, ${stats.processed} events processed`);
      }
    }
    if (report.state === 'running') report = await simulatorApi<LoadReport>(simUrl, 'DELETE', '/load');
    const cpu = cpuBetween(cpuBefore, sampleCpu());
    const haleAfter = await hale.stats();
    const simAfter = await sim.stats();
    log(`${label}: load ${report.state} after ${(report.durationMs / 1000).toFixed(1)} s: sent ${report.sent}, answered ${report.answered}, webhook p50 ${report.latencyMs?.p50 ?? '–'} ms p99 ${report.latencyMs?.p99 ?? '–'} ms`);

    log(`${label}: waiting up to ${settings.drainSeconds} s for Hale to finish`);
    const drained = await waitIdle(hale, sim, settings.drainSeconds * 1000);
    log(`${label}: ${drained.seconds === undefined ? `not finished after ${settings.drainSeconds} s` : `finished ${drained.seconds.toFixed(1)} s after the load`}`);
    const waits = await sampler?.stop();
    const queries = Number(await hale.call('queryCount')) - queriesBefore;
    const haleIdle = drained.hale;
    if (waits !== undefined) {
      log(`${label}: PostgreSQL sessions (mean per sample, ${waits.samples} samples): ${waits.byWait.map((w) => `${w.wait} ${w.sessions.toFixed(2)}`).join('; ')}`);
      for (const w of waits.lockWaits) log(`${label}:   waiting for a lock ${w.sessions.toFixed(2)}: ${w.query}`);
    }

    const hr = (await hale.call('replyReport', null, 120_000)) as ReplyReport;
    const graphLog = (await sim.call('graphLog', null, 120_000)) as GraphLogEntry[];
    const messages = (await sim.call('inbound', { prefix: LOAD_PREFIX }, 120_000)) as PersonaMessage[];
    const deliveries = (await sim.call('deliveries')) as { pending: number; dropped: number };
    const loadStartMs = report.startedAt === undefined ? Date.now() - report.durationMs : Date.parse(report.startedAt);
    const analysis = await analyse(messages, hr, graphLog, reference, loadStartMs);
    log(`${label}: ${describe(analysis)}`);
    await hale.stop();
    const haleLog = await summarizeLog(logFile);
    const interesting = Object.entries(haleLog).filter(([msg]) => /^(warn|error) |deferred|retry|requeue|conflict/.test(msg));
    log(`${label}: Hale log: ${Object.entries(haleLog).map(([msg, n]) => `${msg} ${n}`).join(', ')}`);
    return {
      database: database.kind,
      mps,
      loadAtStart: calm.load,
      load: report,
      hale: use(haleBefore, haleAfter),
      simulator: use(simBefore, simAfter),
      cpu,
      peak,
      drain: {
        seconds: drained.seconds,
        timeoutSeconds: settings.drainSeconds,
        leftEvents: drained.hale.pending,
        leftJobs: jobsLeft(drained.hale),
        leftDeliveries: drained.simPending,
      },
      deliveriesDropped: deliveries.dropped,
      events: hr.events,
      jobsFailed: hr.jobs.filter((j) => j.state === 'failed').reduce((sum, j) => sum + j.count, 0),
      owners: hr.owners,
      waits,
      statements:
        database.kind === 'postgres'
          ? { count: queries, eventsProcessed: haleIdle.processed + haleIdle.failed - haleBefore.processed - haleBefore.failed }
          : undefined,
      logNotes: Object.fromEntries(interesting),
      jobs: hr.jobs,
      outboundTotal: hr.outbound.length,
      analysis,
    };
  } finally {
    await hale?.stop();
    await sim?.stop();
    await database.release(tag);
  }
}

/** Hale's log lines by message (`msg`) and level, e.g. how often a reply was deferred by the send limit. */
async function summarizeLog(file: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const text = await readFile(file, 'utf8').catch(() => '');
  for (const line of text.split('\n')) {
    if (line === '') continue;
    try {
      const entry = JSON.parse(line) as { msg?: unknown; level?: unknown };
      const level = typeof entry.level === 'number' ? entry.level : 30;
      const key = `${level >= 50 ? 'error ' : level >= 40 ? 'warn ' : ''}${typeof entry.msg === 'string' ? entry.msg : '(no msg)'}`;
      counts[key] = (counts[key] ?? 0) + 1;
    } catch {
      counts['(not JSON)'] = (counts['(not JSON)'] ?? 0) + 1;
    }
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Analysis

function percentiles(values: number[]): Percentiles | undefined {
  if (values.length === 0) return undefined;
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  return { count: sorted.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted[sorted.length - 1]! };
}

async function analyse(messages: PersonaMessage[], hr: ReplyReport, graphLog: GraphLogEntry[], reference: (texts: string[]) => Promise<number[]>, loadStartMs: number): Promise<Analysis> {
  const inbound = new Map(hr.inbound.map(([id, wamid, receivedMs, processedMs]) => [wamid, { id, receivedMs, processedMs }]));
  /** Assistant replies by inbound communication id, by position n in `turn:<id>:<n>`. */
  type Reply = { providerId: string; status: string; createdMs: number };
  const replies = new Map<string, Map<number, Reply>>();
  const recordedProviderIds = new Set<string>();
  for (const [key, providerId, status, , , createdMs] of hr.outbound) {
    if (providerId !== '') recordedProviderIds.add(providerId);
    const match = /^turn:(.+):(\d+)$/.exec(key);
    if (match === null) continue;
    const byN = replies.get(match[1]!) ?? new Map<number, Reply>();
    byN.set(Number(match[2]), { providerId, status, createdMs });
    replies.set(match[1]!, byN);
  }
  const sends = new Map<string, number>();
  const graph = { sendsAccepted: 0, sendsRejected: {} as Record<string, number>, reads: 0 };
  const perSecond = new Map<number, number>();
  let unrecordedSends = 0;
  for (const [atMs, kind, status, code, messageId] of graphLog) {
    if (kind === 'read') graph.reads += 1;
    if (kind !== 'send') continue;
    perSecond.set(Math.floor(atMs / 1000), (perSecond.get(Math.floor(atMs / 1000)) ?? 0) + 1);
    if (status === 200 && messageId !== '') {
      graph.sendsAccepted += 1;
      sends.set(messageId, atMs);
      if (!recordedProviderIds.has(messageId)) unrecordedSends += 1;
    } else {
      const reason = code === 0 ? `HTTP ${status}` : String(code);
      graph.sendsRejected[reason] = (graph.sendsRejected[reason] ?? 0) + 1;
    }
  }

  // Each persona's messages in the order the simulator created them.
  const byPersona = new Map<string, PersonaMessage[]>();
  for (const message of messages) {
    const list = byPersona.get(message[1]) ?? [];
    list.push(message);
    byPersona.set(message[1], list);
  }
  const first: number[] = [];
  const every: number[] = [];
  const fromPatient: number[] = [];
  const toProcessed: number[] = [];
  const toWritten: number[] = [];
  const toGraph: number[] = [];
  const profile = new Map<number, { expected: number; sent: number[] }>();
  const lostBy = { notRecorded: 0, notWritten: 0, stillQueued: 0, failed: 0 };
  let recorded = 0;
  let expectedReplies = 0;
  let messagesExpectingReply = 0;
  let repliesWritten = 0;
  let repliesSent = 0;
  let lostMessages = 0;
  let lostReplies = 0;
  let extraReplies = 0;
  let lastReplyMs = loadStartMs;
  for (const list of byPersona.values()) {
    list.sort((a, b) => a[3] - b[3]);
    const expected = await reference(list.map((m) => m[2]));
    for (const [index, [wamid, , , sentMs]] of list.entries()) {
      const want = expected[index] ?? 0;
      expectedReplies += want;
      if (want > 0) messagesExpectingReply += 1;
      const row = inbound.get(wamid);
      const slot = profile.get(index + 1) ?? { expected: want, sent: [] };
      profile.set(index + 1, slot);
      if (row === undefined) {
        slot.sent.push(0);
        if (want > 0) {
          lostMessages += 1;
          lostReplies += want;
          lostBy.notRecorded += want;
        }
        continue;
      }
      recorded += 1;
      const written = replies.get(row.id) ?? new Map<number, Reply>();
      repliesWritten += written.size;
      extraReplies += Math.max(0, written.size - want);
      let sentCount = 0;
      for (const [n, reply] of [...written.entries()].sort((a, b) => a[0] - b[0])) {
        const graphAt = reply.providerId === '' ? undefined : sends.get(reply.providerId);
        if (graphAt === undefined) {
          if (n < want) lostBy[reply.status === 'failed' ? 'failed' : 'stillQueued'] += 1;
          continue;
        }
        sentCount += 1;
        lastReplyMs = Math.max(lastReplyMs, graphAt);
        if (row.receivedMs !== null) every.push(graphAt - row.receivedMs);
        if (n === 0) {
          fromPatient.push(graphAt - sentMs);
          if (row.receivedMs !== null) {
            first.push(graphAt - row.receivedMs);
            if (row.processedMs !== null) {
              toProcessed.push(row.processedMs - row.receivedMs);
              toWritten.push(reply.createdMs - row.processedMs);
            }
            toGraph.push(graphAt - reply.createdMs);
          }
        }
      }
      lostBy.notWritten += Math.max(0, want - written.size);
      repliesSent += sentCount;
      slot.sent.push(sentCount);
      if (want > 0 && sentCount === 0) lostMessages += 1;
      lostReplies += Math.max(0, want - sentCount);
    }
  }
  return {
    messages: messages.length,
    recorded,
    expectedReplies,
    messagesExpectingReply,
    repliesWritten,
    repliesSent,
    firstReply: percentiles(first),
    everyReply: percentiles(every),
    patientToFirstReply: percentiles(fromPatient),
    stages: { toProcessed: percentiles(toProcessed), toWritten: percentiles(toWritten), toGraph: percentiles(toGraph) },
    lostMessages,
    lostReplies,
    lostBy,
    extraReplies,
    unrecordedSends,
    graph,
    profile: [...profile.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([seq, { expected, sent }]) => ({ seq, expected, mean: sent.reduce((a, b) => a + b, 0) / Math.max(1, sent.length), min: Math.min(...sent), max: Math.max(...sent) })),
    peakSendsPerSecond: Math.max(0, ...perSecond.values()),
    lastReplyAfterSeconds: (lastReplyMs - loadStartMs) / 1000,
  };
}

const fmtInt = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');
/** A duration given in ms, with its unit: `4.2 ms`, `312 ms`, `14.7 s`. */
const fmtMs = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '–' : n >= 1_000 ? `${(n / 1000).toFixed(1)} s` : n >= 100 ? `${n.toFixed(0)} ms` : `${n.toFixed(1)} ms`);
const pct = (n: number) => `${n.toFixed(0)}%`;
const p5099 = (p: Percentiles | undefined) => (p === undefined ? '–' : `${fmtMs(p.p50)} / ${fmtMs(p.p99)}`);

function describe(a: Analysis): string {
  const f = a.firstReply;
  return (
    `${fmtInt(a.recorded)}/${fmtInt(a.messages)} messages recorded; replies expected ${fmtInt(a.expectedReplies)}, written ${fmtInt(a.repliesWritten)}, sent ${fmtInt(a.repliesSent)}; ` +
    `receipt → first reply p50 ${fmtMs(f?.p50)}, p99 ${fmtMs(f?.p99)}, max ${fmtMs(f?.max)}; lost ${a.lostMessages} messages (${a.lostReplies} replies), ` +
    `extra replies ${a.extraReplies}, sends recorded under no reply ${a.unrecordedSends}; Graph rejections ${JSON.stringify(a.graph.sendsRejected)}`
  );
}

// ---------------------------------------------------------------------------------------------
// Report

function codeVersion(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: path.resolve(HERE, '..'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return `Hale ${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--', 'src', 'simulator', 'config') === '' ? '' : ' with uncommitted changes in src/, simulator/ or config/'}`;
  } catch {
    return 'Hale (commit unknown)';
  }
}

function toMarkdown(settings: Settings, version: string, results: ScenarioResult[], code: string): string {
  const command = ['node bench/assistant-load.ts', ...process.argv.slice(2)].join(' ');
  const total = settings.personas * settings.messagesPerPersona;
  const capped = settings.requestedPersonas > settings.personas ? ` (${fmtInt(settings.requestedPersonas)} asked for; the simulator's load mode allows at most ${SIM_LIMITS.personas})` : '';
  const lines: string[] = [];
  lines.push(
    `Run ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} with \`${command}\` on ${code}: ${os.availableParallelism()} cores (\`nproc\`) of ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${version}. ` +
      `Simulator load mode: ${fmtInt(settings.personas)} personas${capped} × ${settings.messagesPerPersona} text messages at ${settings.rate}/s = ${fmtInt(total)} messages over ${(total / settings.rate).toFixed(0)} s, after a warm-up of ${settings.warmupPersonas} other personas × ${WARMUP_TEXTS.length} messages. ` +
      `Hale: one process (HALE_ROLE=all), bundled demo clinic, log level ${settings.logLevel}, a fresh database per run; simulator and Hale in separate processes on loopback. ` +
      `Load average (1, 5, 15 min) when each run started: ${results.map((r) => `WHATSAPP_MPS ${r.mps}: ${formatLoad(r.loadAtStart)}`).join('; ')}` +
      `${settings.calm === undefined ? '' : ` (each waited up to ${CALM_MAX_WAIT_MS / 60_000} min for a 1-minute load below ${settings.calm})`}.`,
  );
  lines.push('', `#### ${version}`, '');
  lines.push('| WHATSAPP_MPS (simulator alike) | Messages sent → recorded | Webhook answer p50 / p99 | Replies expected → sent | Receipt → first reply p50 | p90 | p99 | max | Lost (messages / replies) | Doubled | Hale finished after the load |');
  lines.push('|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|');
  for (const r of results) {
    const a = r.analysis;
    const f = a.firstReply;
    const drain = r.drain.seconds !== undefined ? `${r.drain.seconds.toFixed(0)} s` : `not within ${r.drain.timeoutSeconds} s (${fmtInt(r.drain.leftEvents)} events, ${fmtInt(r.drain.leftJobs)} jobs left)`;
    lines.push(
      `| ${r.mps} | ${fmtInt(r.load.sent)} → ${fmtInt(a.recorded)} | ${r.load.latencyMs === null ? '–' : `${fmtMs(r.load.latencyMs.p50)} / ${fmtMs(r.load.latencyMs.p99)}`} | ${fmtInt(a.expectedReplies)} → ${fmtInt(a.repliesSent)} | ` +
        `${fmtMs(f?.p50)} | ${fmtMs(f?.p90)} | ${fmtMs(f?.p99)} | ${fmtMs(f?.max)} | ${fmtInt(a.lostMessages)} / ${fmtInt(a.lostReplies)} | ${fmtInt(a.extraReplies + a.unrecordedSends)} | ${drain} |`,
    );
  }
  lines.push('', 'First replies stage by stage (p50 / p99), and the send rate:', '');
  lines.push('| WHATSAPP_MPS | Receipt → event processed | Processed → reply written | Written → Graph request | Every reply: receipt → Graph request | Patient sends → first reply | Replies/s, busiest second | Last reply after the first message |');
  lines.push('|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const r of results) {
    const a = r.analysis;
    lines.push(
      `| ${r.mps} | ${p5099(a.stages.toProcessed)} | ${p5099(a.stages.toWritten)} | ${p5099(a.stages.toGraph)} | ${p5099(a.everyReply)} | ${p5099(a.patientToFirstReply)} | ${fmtInt(a.peakSendsPerSecond)} | ${a.lastReplyAfterSeconds.toFixed(0)} s |`,
    );
  }
  lines.push('', 'Resources while the simulator sent (Hale and the simulator: % of one core; machine: share of all cores, other work included):', '');
  lines.push('| WHATSAPP_MPS | Hale CPU | Hale event loop busy | Simulator CPU | PostgreSQL CPU | Machine busy | Most events waiting | Most replies queued | Graph API rejections | Webhooks dropped by the simulator |');
  lines.push('|--:|--:|--:|--:|--:|--:|--:|--:|---|--:|');
  for (const r of results) {
    const rejected = Object.entries(r.analysis.graph.sendsRejected);
    lines.push(
      `| ${r.mps} | ${pct(r.hale.cpuPercent)} | ${pct(r.hale.loopBusyPercent)} | ${pct(r.simulator.cpuPercent)} | ${r.database === 'postgres' && r.cpu !== undefined ? pct(r.cpu.postgresPercent) : '–'} | ${r.cpu === undefined ? '–' : pct(r.cpu.machineBusyPercent)} | ` +
        `${fmtInt(r.peak.eventsPending)} | ${fmtInt(r.peak.repliesQueued)} | ${rejected.length === 0 ? 'none' : rejected.map(([code, n]) => `${fmtInt(n)} × ${code}`).join(', ')} | ${fmtInt(r.deliveriesDropped)} |`,
    );
  }
  lines.push('');
  const profiles = results.map((r) => describeProfile(r.analysis.profile));
  if (profiles.every((p) => p === profiles[0])) {
    lines.push(`- Replies per message, by its position in the persona's conversation (the engine's count → the mean Hale sent), in every run: ${profiles[0] ?? '–'}.`);
  } else {
    for (const [i, r] of results.entries()) lines.push(`- Replies per message, by its position in the persona's conversation (the engine's count → the mean Hale sent), WHATSAPP_MPS ${r.mps}: ${profiles[i]}.`);
  }
  for (const r of results) {
    const a = r.analysis;
    const f = a.firstReply;
    const ok = (cond: boolean) => (cond ? 'met' : '**not met**');
    lines.push(
      `- WHATSAPP_MPS ${r.mps}: p50 **${fmtMs(f?.p50)}** (target ≤ ${TARGET.p50Ms} ms): ${ok(f !== undefined && f.p50 <= TARGET.p50Ms)}; ` +
        `p99 **${fmtMs(f?.p99)}** (target ≤ ${TARGET.p99Ms} ms): ${ok(f !== undefined && f.p99 <= TARGET.p99Ms)}; ` +
        `lost **${a.lostMessages}** messages without a reply, ${a.lostReplies} replies in all (target 0): ${ok(a.lostReplies === 0)}` +
        `${a.lostReplies === 0 ? '' : ` (not recorded ${a.lostBy.notRecorded}, never written ${a.lostBy.notWritten}, still queued ${a.lostBy.stillQueued}, failed ${a.lostBy.failed})`}; ` +
        `doubled **${a.extraReplies + a.unrecordedSends}** (target 0): ${ok(a.extraReplies + a.unrecordedSends === 0)} ` +
        `(${a.extraReplies} replies beyond the engine's, ${a.unrecordedSends} accepted sends recorded under no reply). ` +
        `Events: ${r.events.map((e) => `${e.kind} ${e.state} ${fmtInt(e.count)}`).join(', ')}; failed jobs ${r.jobsFailed}; conversations ${Object.entries(r.owners).map(([owner, n]) => `${owner} ${fmtInt(n)}`).join(', ')}; read marks ${fmtInt(a.graph.reads)}.`,
    );
  }
  for (const r of results) {
    const sendJobs = r.jobs.filter((j) => j.name === 'outbound.send').reduce((sum, j) => sum + j.count, 0);
    const notes = Object.entries(r.logNotes);
    lines.push(
      `- WHATSAPP_MPS ${r.mps}, send jobs: ${fmtInt(sendJobs)} \`outbound.send\` jobs for ${fmtInt(r.outboundTotal)} replies (warm-up included; a reply deferred by the ordering wait or the send limit is queued again as a new job)` +
        `${notes.length === 0 ? '' : `; in Hale's log: ${notes.map(([msg, n]) => `${msg} × ${fmtInt(n)}`).join(', ')}`}.`,
    );
  }
  for (const r of results) {
    if (r.statements === undefined || r.statements.eventsProcessed === 0) continue;
    const { count, eventsProcessed } = r.statements;
    lines.push(
      `- WHATSAPP_MPS ${r.mps}, SQL: Hale and pg-boss sent ${fmtInt(count)} statements from the start of the load until Hale finished, ` +
        `${(count / Math.max(1, r.analysis.messages)).toFixed(0)} per patient message, ${(count / eventsProcessed).toFixed(0)} per webhook event processed ` +
        `(${fmtInt(r.analysis.messages)} messages and ${fmtInt(eventsProcessed - r.analysis.messages)} delivery statuses; everything they cause included: assistant turns, replies, read marks, job bookkeeping).`,
    );
  }
  for (const r of results) {
    if (r.waits === undefined) continue;
    const top = r.waits.byWait.slice(0, 5).map((w) => `${w.wait} ${w.sessions.toFixed(1)}`).join(', ');
    const lock = r.waits.lockWaits[0];
    lines.push(
      `- WHATSAPP_MPS ${r.mps}, Hale's PostgreSQL sessions from the start of the load until Hale finished (mean sessions per sample, every ${WAIT_SAMPLE_MS} ms): ${top}` +
        `${lock === undefined ? '' : `; the statement most often waiting for a lock: \`${lock.query.replaceAll('`', "'")}\``}.`,
    );
  }
  return lines.join('\n');
}

function describeProfile(profile: Analysis['profile']): string {
  const parts: string[] = [];
  let i = 0;
  while (i < profile.length) {
    let j = i;
    const same = (a: (typeof profile)[number], b: (typeof profile)[number]) => a.expected === b.expected && Math.abs(a.mean - b.mean) < 0.005;
    while (j + 1 < profile.length && same(profile[i]!, profile[j + 1]!)) j += 1;
    const p = profile[i]!;
    parts.push(`${i === j ? `message ${p.seq}` : `messages ${p.seq}–${profile[j]!.seq}`}: ${p.expected} → ${p.mean.toFixed(2)}`);
    i = j + 1;
  }
  return parts.join('; ');
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

// ---------------------------------------------------------------------------------------------

let deadlineAt = Number.POSITIVE_INFINITY;

/** Time spent waiting for a calm machine does not count against the hard deadline. */
function extendDeadline(ms: number): void {
  deadlineAt += ms;
}

async function main(): Promise<void> {
  const settings = parseSettings(process.argv.slice(2));
  const code = codeVersion();
  const scenarios = settings.databases.length * settings.mpsList.length;
  // Per scenario: start-up and warm-up, the load (the simulator gives up after 5 min), the drain and the report.
  const perScenarioMs = (120 + Math.min(300, (settings.personas * settings.messagesPerPersona) / settings.rate) + 60 + settings.drainSeconds + 60 + 60) * 1000;
  const hardDeadlineMs = scenarios * perScenarioMs + 60_000;
  deadlineAt = Date.now() + hardDeadlineMs;
  const deadline = setInterval(() => {
    if (Date.now() < deadlineAt) return;
    clearInterval(deadline);
    log(`gave up after ${(hardDeadlineMs / 60_000).toFixed(0)} minutes (plus time spent waiting for a calm machine)`);
    void runCleanups().finally(() => process.exit(1));
  }, 1000);
  deadline.unref();
  process.once('SIGINT', () => void runCleanups().finally(() => process.exit(130)));
  process.once('SIGTERM', () => void runCleanups().finally(() => process.exit(143)));
  if (settings.requestedPersonas > settings.personas) {
    log(`${settings.requestedPersonas} personas asked for; the simulator's load mode allows ${SIM_LIMITS.personas}: running ${settings.personas} personas × ${settings.messagesPerPersona} messages`);
  }

  const scratchDir = await mkdtemp(path.join(os.tmpdir(), 'hale-bench-assistant-'));
  cleanups.push(() => rm(scratchDir, { recursive: true, force: true }));
  const startedAt = performance.now();
  log('training the reference NLU (the same engine and demo clinic as Hale)');
  const reference = await createReference();
  const sections: Record<string, string> = {};
  let failed = false;
  try {
    for (const kind of settings.databases) {
      try {
        const database = kind === 'postgres' ? await setUpPostgres(settings, scratchDir) : await setUpPglite(scratchDir);
        const results: ScenarioResult[] = [];
        for (const mps of settings.mpsList) results.push(await runScenario(settings, database, mps, scratchDir, reference));
        sections[`assistant-load:${kind}`] = toMarkdown(settings, database.version, results, code);
      } catch (error) {
        failed = true;
        log(`${kind} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
  } finally {
    clearInterval(deadline);
    await runCleanups();
  }
  if (Object.keys(sections).length === 0) process.exit(1);
  process.stdout.write(`\n${Object.values(sections).join('\n\n')}\n\n`);
  log(`finished in ${((performance.now() - startedAt) / 1000).toFixed(0)} s`);
  if (settings.write) await writeDoc(sections);
  if (failed) process.exitCode = 1;
}

for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
try {
  await main();
} catch (error) {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await runCleanups();
  process.exit(1);
}
