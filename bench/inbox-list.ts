/**
 * Staff inbox (issue #7): `GET /api/v1/inbox/conversations` over real HTTP, signed in, with
 * 10,000 conversations (60% with the assistant, 15% waiting for staff, 5% urgent, 5% assigned
 * to the signed-in agent, 15% closed), each with 3 encrypted messages. Every request reads the
 * five queue counts and one page of 50 (names, numbers and the last message decrypted), and
 * checks the session. Then: webhook → browser, the time from a signed webhook POST until the
 * Server-Sent Event for that patient reaches a connected client.
 *
 *   node bench/inbox-list.ts [--pglite] [--conversations 10000] [--requests 400] [--concurrency 4]
 *
 * PostgreSQL: a scratch database on BENCH_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres, trust auth), dropped at the end. --pglite: in memory.
 * Prints the results; docs/benchmarks.md is not touched.
 */
import { createHmac, randomBytes } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { parseConfig } from '../src/config.ts';
import { createLogger, startHale, type Hale } from '../src/main.ts';

const { values: args } = parseArgs({
  options: {
    pglite: { type: 'boolean', default: false },
    conversations: { type: 'string', default: '10000' },
    requests: { type: 'string', default: '400' },
    concurrency: { type: 'string', default: '4' },
    webhooks: { type: 'string', default: '40' },
  },
});
const CONVERSATIONS = Number(args.conversations);
const REQUESTS = Number(args.requests);
const CONCURRENCY = Number(args.concurrency);
const WEBHOOKS = Number(args.webhooks);
const APP_SECRET = 'bench-app-secret';
const PHONE_NUMBER_ID = '106540352242922';

const baseUrl = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
let scratch: { url: string; drop(): Promise<void> } = { url: 'memory://', drop: async () => undefined };
if (!args.pglite) {
  const name = `hale_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  scratch = {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

const parsed = parseConfig({
  PORT: '0',
  DATABASE_URL: scratch.url,
  DATABASE_POOL_SIZE: '10',
  WHATSAPP_API_URL: 'http://127.0.0.1:9',
  WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
  WHATSAPP_ACCESS_TOKEN: 'bench-token',
  WHATSAPP_APP_SECRET: APP_SECRET,
  WHATSAPP_VERIFY_TOKEN: 'bench-verify',
  HALE_ADMIN_EMAIL: 'agent@bench.example',
  HALE_ADMIN_PASSWORD: 'bench-password-123',
  LOG_LEVEL: 'error',
});
if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
const hale: Hale = await startHale(parsed.config, { logger: createLogger('error') });

try {
  const login = await fetch(`${hale.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'agent@bench.example', password: 'bench-password-123' }) });
  const me = (await login.json()) as { user: { id: string } };
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

  // Seed.
  const seedStarted = performance.now();
  const now = Date.now();
  for (let offset = 0; offset < CONVERSATIONS; offset += 500) {
    const n = Math.min(500, CONVERSATIONS - offset);
    const patients = await hale.db
      .insertInto('patients')
      .values(
        Array.from({ length: n }, (_, i) => {
          const waId = `4915${String(offset + i).padStart(9, '0')}`;
          return {
            wa_id_hash: hale.cipher.blindIndex('wa_id', waId),
            wa_id_enc: hale.cipher.encrypt(waId),
            profile_name_enc: hale.cipher.encrypt(`Patient ${offset + i}`),
            language: 'en',
            last_inbound_at: new Date(now - (offset + i) * 1000),
            created_at: new Date(now - 86_400_000),
            updated_at: new Date(now - 86_400_000),
          };
        }),
      )
      .returning('id')
      .execute();
    await hale.db
      .insertInto('conversations')
      .values(
        patients.map((p, i) => {
          const k = (offset + i) % 20; // 0–11 assistant, 12 urgent, 13 mine, 14–16 waiting, 17–19 closed
          const closed: 'bot' | 'staff' | 'closed' = k < 12 ? 'bot' : k < 17 ? 'staff' : 'closed';
          const at = new Date(now - (offset + i) * 1000);
          return {
            patient_id: p.id,
            owner: closed,
            urgent: k === 12,
            assigned_to: k === 13 ? me.user.id : null,
            waiting_since: closed === 'staff' ? at : null,
            handover_reason: closed === 'staff' ? 'patient_request' : null,
            last_message_at: at,
            created_at: at,
            updated_at: at,
          };
        }),
      )
      .execute();
    await hale.db
      .insertInto('communications')
      .values(
        patients.flatMap((p, i) =>
          [0, 1, 2].map((j) => ({
            patient_id: p.id,
            direction: (j === 1 ? 'outbound' : 'inbound') as 'inbound' | 'outbound',
            provider_message_id: j === 1 ? null : `wamid.bench.${offset + i}.${j}`,
            content_kind: 'text',
            content_enc: hale.cipher.encrypt(JSON.stringify({ kind: 'text', text: `Message ${j} from patient ${offset + i}, about their appointment` })),
            status: j === 1 ? 'read' : 'received',
            sender: j === 1 ? 'bot' : 'patient',
            reply_to_provider_id: null,
            idempotency_key: null,
            error_code: null,
            error_title: null,
            error_reason: null,
            handled_at: new Date(now),
            created_at: new Date(now - (offset + i) * 1000 - (3 - j) * 1000),
          })),
        ),
      )
      .execute();
    await new Promise((r) => setImmediate(r));
  }
  await sql`ANALYZE`.execute(hale.db);
  console.log(`seeded ${CONVERSATIONS} conversations, ${CONVERSATIONS * 3} messages in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

  const queues = ['waiting', 'urgent', 'mine', 'assistant', 'closed'] as const;
  // Warm-up.
  for (const queue of queues) await fetch(`${hale.url}/api/v1/inbox/conversations?queue=${queue}`, { headers: { cookie } }).then((r) => r.text());

  const timings: Record<string, number[]> = Object.fromEntries(queues.map((q) => [q, []]));
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        const queue = queues[next++ % queues.length] ?? 'waiting';
        const t0 = performance.now();
        const res = await fetch(`${hale.url}/api/v1/inbox/conversations?queue=${queue}&limit=50`, { headers: { cookie } });
        const body = (await res.json()) as { items: unknown[] };
        if (res.status !== 200 || body.items.length === 0) throw new Error(`queue ${queue}: ${res.status}`);
        timings[queue]?.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const all = Object.values(timings).flat();
  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
  console.log(`\ninbox list, ${REQUESTS} requests, concurrency ${CONCURRENCY}, ${(REQUESTS / elapsed).toFixed(0)} req/s (${os.cpus().length} cores, ${hale.database.kind})`);
  console.log('queue      p50 ms  p95 ms  p99 ms');
  for (const [queue, xs] of [...Object.entries(timings), ['all', all] as const]) {
    console.log(`${queue.padEnd(10)} ${pct(xs, 50).toFixed(1).padStart(6)} ${pct(xs, 95).toFixed(1).padStart(7)} ${pct(xs, 99).toFixed(1).padStart(7)}`);
  }

  // Webhook → browser (SSE).
  const controller = new AbortController();
  const events = await fetch(`${hale.url}/api/v1/events`, { headers: { cookie }, signal: controller.signal });
  const seen = new Map<string, number>();
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of events.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        for (const m of buffer.matchAll(/data: (\{[^\n]*\})/g)) {
          const e = JSON.parse(m[1] ?? '{}') as { patientId: string; kind: string };
          if (e.kind === 'message' && !seen.has(e.patientId)) seen.set(e.patientId, performance.now());
        }
        buffer = buffer.slice(buffer.lastIndexOf('\n\n') + 2);
      }
    } catch {
      // aborted
    }
  })();
  const latencies: number[] = [];
  for (let i = 0; i < WEBHOOKS; i++) {
    const waId = `4917${String(i).padStart(9, '0')}`;
    const payload = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [{ id: 'WABA', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550000000', phone_number_id: PHONE_NUMBER_ID }, contacts: [{ profile: { name: 'Bench' }, wa_id: waId }], messages: [{ from: waId, id: `wamid.sse.${i}.${randomBytes(4).toString('hex')}`, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: 'hello' } }] } }] }],
    });
    const t0 = performance.now();
    const res = await fetch(`${hale.url}/webhooks/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${createHmac('sha256', APP_SECRET).update(payload).digest('hex')}` }, body: payload });
    if (res.status !== 200) throw new Error(`webhook ${res.status}`);
    const deadline = Date.now() + 5000;
    let patientId: string | undefined;
    while (Date.now() < deadline) {
      patientId ??= (await hale.db.selectFrom('patients').select('id').where('wa_id_hash', '=', hale.cipher.blindIndex('wa_id', waId)).executeTakeFirst())?.id;
      if (patientId !== undefined && seen.has(patientId)) break;
      await new Promise((r) => setTimeout(r, 2));
    }
    const at = patientId === undefined ? undefined : seen.get(patientId);
    if (at === undefined) throw new Error('no event within 5 s');
    latencies.push(at - t0);
    await new Promise((r) => setTimeout(r, 100));
  }
  controller.abort();
  console.log(`\nwebhook → browser event, ${WEBHOOKS} messages one at a time: p50 ${pct(latencies, 50).toFixed(0)} ms, p95 ${pct(latencies, 95).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms`);
} finally {
  await hale.close();
  if (process.env['BENCH_KEEP'] === '1') console.log(`kept ${scratch.url}`);
  else await scratch.drop();
}
