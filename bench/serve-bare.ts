/**
 * The baseline of the ingest benchmark: a bare Fastify 5 route that verifies the webhook
 * signature over the raw bytes, parses the JSON and inserts one row, nothing else. Runs in its
 * own process and prints `{"url": ...}` on stdout when it listens.
 *
 *   BENCH_SERVER_DATABASE_URL=postgres://…/db  PostgreSQL through pg.Pool (10 connections)
 *   (unset)                              PGlite in BENCH_SERVER_DATA_DIR (one embedded connection)
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import Fastify from 'fastify';
import pg from 'pg';
import { verifySignature } from '../src/adapters/whatsapp/verify-signature.ts';
import { WEBHOOK_BODY_LIMIT } from '../src/adapters/whatsapp/webhook-routes.ts';
import { serveQuestions, stopOnSignal } from './server-protocol.ts';
import { BENCH_APP_SECRET } from './signed-webhook.ts';

const CREATE_TABLE = 'CREATE TABLE IF NOT EXISTS bare_events (id bigserial PRIMARY KEY, dedupe_key text UNIQUE NOT NULL, body jsonb NOT NULL)';
const INSERT = 'INSERT INTO bare_events (dedupe_key, body) VALUES ($1, $2) ON CONFLICT (dedupe_key) DO NOTHING';

interface BareDatabase {
  query(text: string, params?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
  close(): Promise<void>;
}

async function openBareDatabase(): Promise<BareDatabase> {
  const url = process.env['BENCH_SERVER_DATABASE_URL'];
  if (url !== undefined) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    pool.on('error', () => undefined);
    return { query: (text, params) => pool.query(text, params), close: () => pool.end() };
  }
  const dataDir = process.env['BENCH_SERVER_DATA_DIR'];
  if (dataDir === undefined) throw new Error('BENCH_SERVER_DATA_DIR is required without BENCH_SERVER_DATABASE_URL');
  await mkdir(path.resolve(dataDir), { recursive: true }); // PGlite needs the parent folder
  const pglite = await PGlite.create({ dataDir: path.resolve(dataDir, 'bare-pglite') });
  return {
    query: async (text, params) => ({ rows: (await pglite.query<Record<string, unknown>>(text, params)).rows }),
    close: () => pglite.close(),
  };
}

/** `msg:<wamid>` of the first message, as Hale keys a message; undefined if there is none. */
function toDedupeKey(body: unknown): string | undefined {
  const id = (body as { entry?: Array<{ changes?: Array<{ value?: { messages?: Array<{ id?: unknown }> } }> }> } | null)?.entry?.[0]?.changes?.[0]?.value?.messages?.[0]?.id;
  return typeof id === 'string' ? `msg:${id}` : undefined;
}

const db = await openBareDatabase();
await db.query(CREATE_TABLE);

const app = Fastify({ logger: false });
app.removeAllContentTypeParsers();
app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT }, (_request, body, done) => done(null, body));
app.post('/webhooks/whatsapp', async (request, reply) => {
  const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  const signature = request.headers['x-hub-signature-256'];
  if (!verifySignature(raw, typeof signature === 'string' ? signature : undefined, BENCH_APP_SECRET)) return reply.code(401).send();
  const text = raw.toString('utf8');
  const key = toDedupeKey(JSON.parse(text));
  if (key === undefined) return reply.code(400).send();
  await db.query(INSERT, [key, text]);
  return reply.code(200).type('text/plain').send('EVENT_RECEIVED');
});

const url = await app.listen({ port: 0, host: '127.0.0.1' });
serveQuestions(url, {
  async stats() {
    const result = await db.query('SELECT count(*)::int AS n FROM bare_events');
    return { stored: Number(result.rows[0]?.['n'] ?? 0), pending: 0, processed: 0, failed: 0, queues: {} };
  },
  async storedKeys() {
    const result = await db.query('SELECT dedupe_key FROM bare_events');
    return new Set(result.rows.map((row) => String(row['dedupe_key'])));
  },
});
stopOnSignal(async () => {
  await app.close();
  await db.close();
});
