/**
 * The real Hale (HTTP, signed-webhook ingest, pg-boss workers processing every event, the
 * assistant answering, replies sent) for the ingest benchmark, in its own process. Prints
 * `{"url": ...}` on stdout when it listens.
 *
 *   BENCH_SERVER_DATABASE_URL=postgres://…/db  PostgreSQL (unset: PGlite in BENCH_SERVER_DATA_DIR)
 *   BENCH_SERVER_DATA_DIR=/tmp/…                data folder (PGlite files, media); required
 *   BENCH_SERVER_LOG_FILE=/tmp/…/hale.log      where Hale's JSON log goes (default: /dev/null)
 *   BENCH_SERVER_LOG_LEVEL=info                Hale's log level (default: info, Hale's default)
 *   BENCH_SERVER_GRAPH_URL=http://…            the Graph API replies go to (bench/graph-api-stub.ts)
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pino from 'pino';
import { parseConfig } from '../src/config.ts';
import { createLogger, startHale } from '../src/main.ts';
import { serveQuestions, stopOnSignal } from './server-protocol.ts';
import { BENCH_ACCESS_TOKEN, BENCH_APP_SECRET, BENCH_PHONE_NUMBER_ID, BENCH_VERIFY_TOKEN } from './signed-webhook.ts';

const databaseUrl = process.env['BENCH_SERVER_DATABASE_URL'];
const dataDir = process.env['BENCH_SERVER_DATA_DIR'];
if (dataDir === undefined) throw new Error('BENCH_SERVER_DATA_DIR is required');
const logLevel = process.env['BENCH_SERVER_LOG_LEVEL'] ?? 'info';

const parsed = parseConfig({
  PORT: '0',
  HOST: '127.0.0.1',
  ...(databaseUrl === undefined ? {} : { DATABASE_URL: databaseUrl }),
  DATA_DIR: dataDir,
  HALE_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  WHATSAPP_API_URL: process.env['BENCH_SERVER_GRAPH_URL'] ?? 'http://127.0.0.1:9',
  WHATSAPP_PHONE_NUMBER_ID: BENCH_PHONE_NUMBER_ID,
  WHATSAPP_ACCESS_TOKEN: BENCH_ACCESS_TOKEN,
  WHATSAPP_APP_SECRET: BENCH_APP_SECRET,
  WHATSAPP_VERIFY_TOKEN: BENCH_VERIFY_TOKEN,
  LOG_LEVEL: logLevel,
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
});
stopOnSignal(() => hale.close());
