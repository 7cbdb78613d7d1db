/**
 * Reminder dispatch benchmark (issue #6): 100,000 reminders due in the same minute, one Hale
 * process with WHATSAPP_MPS=1000 against the WhatsApp simulator (accepting 1,000/s), on
 * PostgreSQL. Measured at the simulator, from its log of every Graph API request: sends in the
 * busiest one-second window (sliding, target ≤ 1,000), time from the due moment to the last
 * send (target ≤ 105 s), duplicates (target 0) and the achieved rate as a fraction of the limit
 * (target ≥ 0.95).
 *
 *   node bench/reminders-dispatch.ts [--count 100000] [--mps 1000] [--pipelines 6] [--batch 500]
 *        [--write] [--calm 1.5]
 *
 * Needs PostgreSQL: HALE_BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres);
 * a scratch database is created and dropped. The simulator holds back its status webhooks until
 * after the run (they would go to a stub that answers 200): this measures dispatch, and the
 * simulator's CPU goes to accepting sends. Quiet hours are off (start = end) and the
 * daily recipient limit is 100,000 (tier 100K), so every reminder is sendable at once.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { createFieldCipher } from '../src/adapters/crypto/create-field-cipher.ts';
import { migrateToLatest } from '../src/adapters/db/migrate-to-latest.ts';
import { openDatabase } from '../src/adapters/db/open-database.ts';
import type { GraphLogEntry } from './serve-simulator.ts';
import { BENCH_ACCESS_TOKEN, BENCH_APP_SECRET, BENCH_PHONE_NUMBER_ID } from './signed-webhook.ts';
import { killRunningServers, startServerProcess } from './start-server-process.ts';
import { formatLoad, waitForCalm } from './wait-for-calm.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    mps: { type: 'string', default: '1000' },
    pipelines: { type: 'string', default: '6' },
    batch: { type: 'string', default: '500' },
    write: { type: 'boolean', default: false },
    calm: { type: 'string' },
  },
});
const count = Number(values.count);
const mps = Number(values.mps);
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const root = path.resolve(import.meta.dirname, '..');

async function main(): Promise<void> {
  const adminUrl = process.env['HALE_BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `hale_bench_reminders_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const database = await openDatabase({ kind: 'postgres', url: databaseUrl, poolSize: 4 });
  const stubWebhook = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200).end('ok'));
  });
  await new Promise<void>((resolve) => stubWebhook.listen(0, '127.0.0.1', resolve));
  const stubPort = (stubWebhook.address() as { port: number }).port;
  try {
    await migrateToLatest(database.db as unknown as Kysely<unknown>);
    const key = randomBytes(32);
    const cipher = createFieldCipher(key);

    // Patients (consented), follow-ups and their reminders, in bulk.
    const seedStarted = performance.now();
    for (let offset = 0; offset < count; offset += 5000) {
      const rows = Array.from({ length: Math.min(5000, count - offset) }, (_, i) => {
        const waId = `4916${String(offset + i).padStart(9, '0')}`;
        return { wa_id_hash: cipher.blindIndex('wa_id', waId), wa_id_enc: cipher.encrypt(waId) };
      });
      await database.db.insertInto('patients').values(rows).execute();
    }
    await sql`INSERT INTO consents (patient_id, decision, policy_version, decided_at) SELECT id, 'granted', '2026-11', now() FROM patients`.execute(database.db);
    await sql`INSERT INTO follow_ups (patient_id, kind, service_id, due_on, state, created_by, created_at, updated_at)
      SELECT id, 'follow_up', 'gp-visit', current_date, 'planned', 'bench', now(), now() FROM patients`.execute(database.db);
    log(`seeded ${count} patients and follow-ups in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

    const demo = await readFile(path.join(root, 'config/demo-clinic.yaml'), 'utf8');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hale-bench-reminders-'));
    const clinicFile = path.join(dir, 'clinic.yaml');
    await writeFile(clinicFile, demo.replace('quietHours: { start: "21:00", end: "08:00" }', 'quietHours: { start: "00:00", end: "00:00" }').replace('dailyRecipientLimit: 1000', 'dailyRecipientLimit: 100000'));

    const calm = await waitForCalm(values.calm === undefined ? undefined : Number(values.calm), 10 * 60_000, log);
    const simulator = await startServerProcess({ script: path.join(root, 'bench/serve-simulator.ts'), env: { ...process.env, BENCH_SIM_MPS: String(mps), BENCH_SIM_STATUS_DELAY_MS: '900000' } });
    await simulator.call('setWebhook', { url: `http://127.0.0.1:${stubPort}/webhooks/whatsapp` });
    const hale = await startServerProcess({
      script: path.join(root, 'bench/serve-reminders.ts'),
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        DATABASE_POOL_SIZE: '20',
        HALE_ENCRYPTION_KEY: key.toString('base64'),
        CLINIC_CONFIG: clinicFile,
        WHATSAPP_API_URL: simulator.url,
        WHATSAPP_PHONE_NUMBER_ID: BENCH_PHONE_NUMBER_ID,
        WHATSAPP_ACCESS_TOKEN: BENCH_ACCESS_TOKEN,
        WHATSAPP_APP_SECRET: BENCH_APP_SECRET,
        WHATSAPP_VERIFY_TOKEN: 'bench',
        WHATSAPP_MPS: String(mps),
        LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'warn',
        BENCH_PIPELINES: values.pipelines,
        BENCH_BATCH: values.batch,
      },
    });
    const loadAtStart = os.loadavg();
    // All due at the same moment, a few seconds from now.
    const dueAt = new Date(Date.now() + 3000);
    await sql`INSERT INTO reminders (key, patient_id, kind, subject_id, due_at, send_after, state, created_at, updated_at)
      SELECT 'followup:' || id, patient_id, 'follow_up', id, ${dueAt}, ${dueAt}, 'planned', now(), now() FROM follow_ups`.execute(database.db);
    log(`${count} reminders due at ${dueAt.toISOString()}; Hale pid ${hale.pid}, simulator pid ${simulator.pid}`);
    const cpuBefore = await hale.stats();
    const counts = async () =>
      Object.fromEntries((await sql<{ state: string; n: number }>`SELECT state, count(*)::int AS n FROM reminders GROUP BY state`.execute(database.db)).rows.map((r) => [r.state, Number(r.n)]));
    const deadline = Date.now() + 300_000;
    let state: Record<string, number> = {};
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      state = await counts();
      log(`${JSON.stringify(state)}`);
      if ((state['planned'] ?? 0) + (state['sending'] ?? 0) === 0) break;
    }
    const cpuAfter = await hale.stats();
    const reclaimed = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM reminders WHERE attempts > 1`.execute(database.db)).rows[0]?.n ?? 0);
    const graphLog = (await simulator.call('graphLog', undefined, 120_000)) as GraphLogEntry[];
    await hale.stop();
    await simulator.stop();

    const sends = graphLog.filter((e) => e[1] === 'send');
    const accepted = sends.filter((e) => e[2] === 200).map((e) => e[0]).sort((a, b) => a - b);
    const rejected = sends.filter((e) => e[2] !== 200);
    const recipients = new Map<string, number>();
    for (const e of sends.filter((x) => x[2] === 200)) recipients.set(e[5], (recipients.get(e[5]) ?? 0) + 1);
    const duplicates = [...recipients.values()].reduce((n, c) => n + (c - 1), 0);
    let busiest = 0;
    for (let i = 0, j = 0; j < accepted.length; j++) {
      while (accepted[j]! - accepted[i]! >= 1000) i++;
      busiest = Math.max(busiest, j - i + 1);
    }
    const first = accepted[0] ?? 0;
    const last = accepted.at(-1) ?? 0;
    const fromDueS = (last - dueAt.getTime()) / 1000;
    const spanS = (last - first) / 1000;
    const rate = accepted.length / Math.max(spanS, 0.001);
    const fraction = rate / mps;
    const cpuSeconds = (cpuAfter.cpuMicros - cpuBefore.cpuMicros) / 1e6;
    const result = {
      sent: accepted.length,
      rejected: rejected.length,
      busiest,
      fromDueS,
      firstDelayS: (first - dueAt.getTime()) / 1000,
      spanS,
      rate,
      fraction,
      duplicates,
      recipients: recipients.size,
      final: state,
      reclaimed,
      haleCpu: cpuSeconds / Math.max(spanS, 0.001),
    };
    log(JSON.stringify(result));
    const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
    const commit = await import('node:child_process').then(({ execSync }) => execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim());
    const pgVersion = (await sql<{ v: string }>`SELECT version() AS v`.execute(database.db)).rows[0]?.v.split(' on ')[0] ?? 'PostgreSQL';
    const section = [
      '<!-- reminders-dispatch:start -->',
      `Run ${new Date().toISOString().slice(0, 19)}Z with \`node bench/reminders-dispatch.ts${values.write ? ' --write' : ''}\` on Hale ${commit}: ${os.cpus().length} cores (\`nproc\`) of ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, ${pgVersion}. One Hale process (${values.pipelines} dispatch pipelines, batches of ${values.batch}), simulator in its own process accepting ${mps} messages/s (status webhooks held back until after the run). Load average (1, 5, 15 min) at the start: ${formatLoad(loadAtStart)}${calm.calm ? '' : ' (the machine was busy: other engineers’ tests and benchmarks were running)'}.`,
      '',
      '| Reminders due at once | Sent (accepted by the simulator) | Rejected by the simulator | Duplicates | Busiest 1-second window | First send after due | Last send after due | Achieved rate | Fraction of WHATSAPP_MPS | Hale CPU while sending |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      `| ${count.toLocaleString('en')} | ${accepted.length.toLocaleString('en')} | ${rejected.length} | ${duplicates} | ${busiest} | ${result.firstDelayS.toFixed(1)} s | ${fromDueS.toFixed(1)} s | ${rate.toFixed(0)}/s | ${fraction.toFixed(3)} | ${(result.haleCpu * 100).toFixed(0)}% |`,
      '',
      `- Never more than ${mps} sends in any one-second window: ${verdict(busiest <= mps)} (${busiest}).`,
      `- All sent within 105 s of the due moment: ${verdict(accepted.length === count && fromDueS <= 105)} (${fromDueS.toFixed(1)} s; ${accepted.length.toLocaleString('en')} of ${count.toLocaleString('en')}).`,
      `- Zero duplicates: ${verdict(duplicates === 0)} (${duplicates}).`,
      `- Achieved rate ${fraction.toFixed(3)} of the limit (target ≥ 0.95): ${verdict(fraction >= 0.95)}. Reminders pace at 0.96 × WHATSAPP_MPS with a burst of 1%, and a send more than 20 ms late for its slot takes a new slot rather than catching up (so a sliding second holds at most about 99% of the limit, plus the simulator's own jitter).`,
      `- Reminder states at the end: ${JSON.stringify(state)}.`,
      '<!-- reminders-dispatch:end -->',
    ].join('\n');
    console.log(section);
    if (values.write) {
      const file = path.join(root, 'docs/benchmarks.md');
      const doc = await readFile(file, 'utf8');
      const block = /<!-- reminders-dispatch:start -->[\s\S]*<!-- reminders-dispatch:end -->/;
      const heading = '\n## Reminder dispatch (100,000 due at once)\n\n`node bench/reminders-dispatch.ts --write` (PostgreSQL; about 3 minutes with seeding). What it measures is described at the top of `bench/reminders-dispatch.ts`.\n\n';
      await writeFile(file, block.test(doc) ? doc.replace(block, section) : `${doc.trimEnd()}\n${heading}${section}\n`);
      log('docs/benchmarks.md updated');
    }
  } finally {
    killRunningServers();
    stubWebhook.close();
    await database.close();
    const drop = new pg.Client({ connectionString: adminUrl });
    await drop.connect();
    await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await drop.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  killRunningServers();
  process.exit(1);
});
