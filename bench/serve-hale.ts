/**
 * The real Hale (HTTP, signed-webhook ingest, pg-boss workers processing every event, the
 * assistant answering, replies sent) for the benchmarks, in its own process. Prints
 * `{"url": ...}` on stdout when it listens.
 *
 *   BENCH_SERVER_DATABASE_URL=postgres://…/db  PostgreSQL (unset: PGlite in BENCH_SERVER_DATA_DIR)
 *   BENCH_SERVER_DATA_DIR=/tmp/…                data folder (PGlite files, media); required
 *   BENCH_SERVER_LOG_FILE=/tmp/…/hale.log      where Hale's JSON log goes (default: /dev/null)
 *   BENCH_SERVER_LOG_LEVEL=info                Hale's log level (default: info, Hale's default)
 *   BENCH_SERVER_GRAPH_URL=http://…            the Graph API replies go to (bench/graph-api-stub.ts or the simulator)
 *   BENCH_SERVER_ROLE=all|web|worker           HALE_ROLE (default all: HTTP and workers in this process)
 *   BENCH_SERVER_MPS=80                        WHATSAPP_MPS, the send limit per second (default: Hale's, 80)
 *   BENCH_SERVER_ENCRYPTION_KEY=<base64>       HALE_ENCRYPTION_KEY (default: a fresh random key)
 *   BENCH_SERVER_POOL_SIZE=10                  DATABASE_POOL_SIZE (default: Hale's)
 *   BENCH_SERVER_COUNT_QUERIES=1               count the statements Hale and pg-boss send (PostgreSQL; `queryCount` call)
 *   BENCH_SERVER_QUERY_HISTOGRAM=/tmp/…json    also write, at exit, how often each statement (first 120 characters) was sent
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { parseConfig } from '../src/config.ts';
import type { Database } from '../src/adapters/db/schema.ts';
import { createLogger, startHale } from '../src/main.ts';
import type { ReplyReport } from './reply-report.ts';
import { serveQuestions, stopOnSignal } from './server-protocol.ts';
import { BENCH_ACCESS_TOKEN, BENCH_APP_SECRET, BENCH_PHONE_NUMBER_ID, BENCH_VERIFY_TOKEN } from './signed-webhook.ts';

const databaseUrl = process.env['BENCH_SERVER_DATABASE_URL'];
const dataDir = process.env['BENCH_SERVER_DATA_DIR'];
if (dataDir === undefined) throw new Error('BENCH_SERVER_DATA_DIR is required');
const logLevel = process.env['BENCH_SERVER_LOG_LEVEL'] ?? 'info';

// Every statement to PostgreSQL (Hale's pool and pg-boss's) goes through pg.Client#query.
let queryCount = 0;
const histogramPath = process.env['BENCH_SERVER_QUERY_HISTOGRAM'];
const histogram = new Map<string, number>();
if (process.env['BENCH_SERVER_COUNT_QUERIES'] === '1') {
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]): unknown {
    queryCount += 1;
    if (histogramPath !== undefined) {
      const first = args[0];
      const text = typeof first === 'string' ? first : typeof first === 'object' && first !== null && 'text' in first ? String(first.text) : '?';
      const key = text.replace(/\s+/g, ' ').trim().slice(0, 120);
      histogram.set(key, (histogram.get(key) ?? 0) + 1);
    }
    return Reflect.apply(query, this, args);
  } as unknown as typeof query;
}
if (histogramPath !== undefined) {
  process.on('exit', () => {
    mkdirSync(path.dirname(histogramPath), { recursive: true });
    writeFileSync(histogramPath, JSON.stringify([...histogram].sort((a, b) => b[1] - a[1]), null, 1));
  });
}

const parsed = parseConfig({
  PORT: '0',
  HOST: '127.0.0.1',
  ...(databaseUrl === undefined ? {} : { DATABASE_URL: databaseUrl }),
  ...(process.env['BENCH_SERVER_POOL_SIZE'] === undefined ? {} : { DATABASE_POOL_SIZE: process.env['BENCH_SERVER_POOL_SIZE'] }),
  DATA_DIR: dataDir,
  // A web and a worker process on one database must share the key (BENCH_SERVER_ENCRYPTION_KEY).
  HALE_ENCRYPTION_KEY: process.env['BENCH_SERVER_ENCRYPTION_KEY'] ?? randomBytes(32).toString('base64'),
  WHATSAPP_API_URL: process.env['BENCH_SERVER_GRAPH_URL'] ?? 'http://127.0.0.1:9',
  WHATSAPP_PHONE_NUMBER_ID: BENCH_PHONE_NUMBER_ID,
  WHATSAPP_ACCESS_TOKEN: BENCH_ACCESS_TOKEN,
  WHATSAPP_APP_SECRET: BENCH_APP_SECRET,
  WHATSAPP_VERIFY_TOKEN: BENCH_VERIFY_TOKEN,
  LOG_LEVEL: logLevel,
  HALE_ROLE: process.env['BENCH_SERVER_ROLE'] ?? 'all',
  ...(process.env['BENCH_SERVER_MPS'] === undefined ? {} : { WHATSAPP_MPS: process.env['BENCH_SERVER_MPS'] }),
});
if (!parsed.ok) throw new Error(parsed.problems.join('\n'));

const logger = createLogger(parsed.config.logLevel, pino.destination({ dest: process.env['BENCH_SERVER_LOG_FILE'] ?? '/dev/null', sync: true }));
const hale = await startHale(parsed.config, { logger });

serveQuestions(hale.url, {
  async stats() {
    const rows = await sql<{ state: string; n: number }>`SELECT state, count(*)::int AS n FROM inbound_events GROUP BY state`.execute(hale.db);
    const count = (state: string) => rows.rows.filter((row) => row.state === state).reduce((sum, row) => sum + Number(row.n), 0);
    // pg-boss's own queue stats are cached for a minute; count unfinished jobs directly.
    const jobs = await sql<{ name: string; n: number }>`SELECT name, count(*)::int AS n FROM pgboss.job WHERE state IN ('created', 'retry', 'active') GROUP BY name`
      .execute(hale.db)
      .catch(() => ({ rows: [] }));
    return {
      stored: rows.rows.reduce((sum, row) => sum + Number(row.n), 0),
      pending: count('pending'),
      processed: count('processed'),
      failed: count('failed'),
      queues: Object.fromEntries(jobs.rows.map((row) => [row.name, Number(row.n)])),
    };
  },
  async storedKeys() {
    const rows = await hale.db.selectFrom('inbound_events').select('dedupe_key').execute();
    return new Set(rows.map((row) => row.dedupe_key));
  },
  calls: { replyReport: () => replyReport(hale.db), queryCount: async () => queryCount },
});
stopOnSignal(() => hale.close());

/** What the assistant benchmark needs to follow every message from receipt to reply (times in epoch ms). */
async function replyReport(db: Kysely<Database>): Promise<ReplyReport> {
  const inbound = await sql<{ id: string; wamid: string | null; received_ms: number | null; processed_ms: number | null; handled_ms: number | null }>`
    SELECT c.id, c.provider_message_id AS wamid,
      (extract(epoch FROM e.received_at) * 1000)::float8 AS received_ms,
      (extract(epoch FROM e.processed_at) * 1000)::float8 AS processed_ms,
      (extract(epoch FROM c.handled_at) * 1000)::float8 AS handled_ms
    FROM communications c LEFT JOIN inbound_events e ON e.dedupe_key = 'msg:' || c.provider_message_id
    WHERE c.direction = 'inbound'`.execute(db);
  const outbound = await sql<{ idempotency_key: string | null; provider_message_id: string | null; status: string; error_title: string | null; attempts: number; created_ms: number }>`
    SELECT idempotency_key, provider_message_id, status, error_title, attempts, (extract(epoch FROM created_at) * 1000)::float8 AS created_ms
    FROM communications WHERE direction = 'outbound'`.execute(db);
  const events = await sql<{ kind: string; state: string; n: number }>`SELECT kind, state, count(*)::int AS n FROM inbound_events GROUP BY kind, state`.execute(db);
  const jobs = await sql<{ name: string; state: string; n: number }>`SELECT name, state::text AS state, count(*)::int AS n FROM pgboss.job GROUP BY name, state`.execute(db);
  const owners = await sql<{ owner: string; n: number }>`SELECT owner, count(*)::int AS n FROM conversations GROUP BY owner`.execute(db);
  return {
    inbound: inbound.rows.map((r) => [r.id, r.wamid ?? '', num(r.received_ms), num(r.processed_ms), num(r.handled_ms)]),
    outbound: outbound.rows.map((r) => [r.idempotency_key ?? '', r.provider_message_id ?? '', r.status, r.error_title ?? '', Number(r.attempts), Number(r.created_ms)]),
    events: events.rows.map((r) => ({ kind: r.kind, state: r.state, count: Number(r.n) })),
    jobs: jobs.rows.map((r) => ({ name: r.name, state: r.state, count: Number(r.n) })),
    owners: Object.fromEntries(owners.rows.map((r) => [r.owner, Number(r.n)])),
  };
}

function num(value: number | string | null): number | null {
  return value === null ? null : Number(value);
}
