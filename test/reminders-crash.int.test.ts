/**
 * Exactly once under a crash, on PostgreSQL: two Hale processes dispatch the same 600 due
 * reminders (claims are FOR UPDATE SKIP LOCKED); one is killed with SIGKILL in the middle of
 * dispatch. The survivor takes over the dead process's claims when their lease ends, after
 * reconciling each with its outbox row (a message Meta accepted — known from its status webhook,
 * which carries the outbox id — is recorded, not sent again). Counted at the simulator: every
 * patient received exactly one reminder.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { createSimulator } from '../simulator/create-simulator.ts';
import { createFollowUp } from '../src/app/create-follow-up.ts';
import type { JobQueue } from '../src/app/ports.ts';
import { loadClinicConfig } from '../src/adapters/clinic-config/load-clinic-config.ts';
import { createFieldCipher } from '../src/adapters/crypto/create-field-cipher.ts';
import { createTransactor } from '../src/adapters/db/create-transactor.ts';
import { migrateToLatest } from '../src/adapters/db/migrate-to-latest.ts';
import { openDatabase } from '../src/adapters/db/open-database.ts';
import { TEST_ACCESS_TOKEN, TEST_APP_SECRET, TEST_PHONE_NUMBER_ID, TEST_VERIFY_TOKEN, waitFor } from './support/start-test-hale.ts';
import { createScratchDatabase, testDatabaseKind } from './support/test-database.ts';

const PATIENTS = 600;
const REMINDERS = PATIENTS + 1;
const noJobs: JobQueue = { enqueue: async () => undefined, enqueueMany: async () => undefined };

function startWorker(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [path.resolve(import.meta.dirname, 'support/reminder-worker.ts')], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error('worker did not start in 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`worker exited (${code}) before it was ready`)));
    lines.on('line', (line) => {
      if (!line.startsWith('ready ')) return;
      clearTimeout(timer);
      resolve({ child, url: line.slice(6) });
    });
  });
}

test('two dispatching processes, one killed mid-run: every reminder delivered exactly once', { skip: testDatabaseKind !== 'postgres' ? 'needs PostgreSQL (HALE_TEST_DATABASE_URL)' : false, timeout: 480_000 }, async () => {
  const scratch = await createScratchDatabase();
  const database = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: 4 });
  await migrateToLatest(database.db as unknown as Kysely<unknown>);
  const key = randomBytes(32);
  const tx = createTransactor(database.db, createFieldCipher(key), () => noJobs);
  // Quiet hours off (start = end): the test runs at any time of day.
  const demo = await readFile(path.resolve(import.meta.dirname, '../config/demo-clinic.yaml'), 'utf8');
  const dir = await mkdtemp(path.join(tmpdir(), 'hale-crash-'));
  const clinicFile = path.join(dir, 'clinic.yaml');
  await writeFile(clinicFile, demo.replace('quietHours: { start: "21:00", end: "08:00" }', 'quietHours: { start: "00:00", end: "00:00" }').replace('dailyRecipientLimit: 1000', 'dailyRecipientLimit: 100000'));
  const clinic = await loadClinicConfig(clinicFile);
  assert.equal(clinic.reminders.quietHours.start, clinic.reminders.quietHours.end);

  const simulator = await createSimulator({ webhookUrl: 'http://127.0.0.1:9/unset', appSecret: TEST_APP_SECRET, accessToken: TEST_ACCESS_TOKEN, phoneNumberId: TEST_PHONE_NUMBER_ID, apiVersion: 'v23.0', statusDelayMs: 20, mps: 1000 });
  const simulatorUrl = await simulator.app.listen({ port: 0, host: '127.0.0.1' });
  const env = {
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: scratch.url,
    DATABASE_POOL_SIZE: '6',
    HALE_ENCRYPTION_KEY: key.toString('base64'),
    CLINIC_CONFIG: clinicFile,
    WHATSAPP_API_URL: simulatorUrl,
    WHATSAPP_PHONE_NUMBER_ID: TEST_PHONE_NUMBER_ID,
    WHATSAPP_ACCESS_TOKEN: TEST_ACCESS_TOKEN,
    WHATSAPP_APP_SECRET: TEST_APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: TEST_VERIFY_TOKEN,
    WHATSAPP_MPS: '100',
    LOG_LEVEL: 'warn',
  };
  const workers: ChildProcess[] = [];
  try {
    const victim = await startWorker(env);
    workers.push(victim.child);
    const survivor = await startWorker(env);
    workers.push(survivor.child);
    simulator.config.webhookUrl = `${survivor.url}/webhooks/whatsapp`;

    // 600 consented patients, each with a follow-up reminder due now.
    const waIds = Array.from({ length: PATIENTS }, (_, i) => `4917000${String(i).padStart(5, '0')}`);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const started = Date.now();
    const patientIds = await tx.run(async (repos) => {
      const ids: string[] = [];
      for (const waId of waIds) {
        const patient = await repos.patients.create({ waId }, new Date());
        await repos.consents.record({ patientId: patient.id, decision: 'granted', policyVersion: clinic.consent.version, at: new Date() });
        ids.push(patient.id);
      }
      return ids;
    });
    console.log(`crash test: ${REMINDERS} patients created in ${Date.now() - started} ms`);
    // All become due together (one transaction), while both processes are polling.
    await tx.run(async (repos) => {
      for (const patientId of patientIds) {
        const followUp = await repos.carePlans.createFollowUp({ patientId, kind: 'follow_up', serviceId: 'gp-visit', dueOn: yesterday, note: undefined, staffId: 'staff-1' }, new Date());
        await repos.reminders.plan([{ key: `followup:${followUp.id}`, patientId, kind: 'follow_up', subjectId: followUp.id, dueAt: new Date() }], new Date());
      }
    });
    const clock = { now: () => new Date() };
    // One more through the use case, as staff would create it.
    const extra = await tx.run((repos) => repos.patients.create({ waId: '491700099999' }, new Date()));
    await tx.run((repos) => repos.consents.record({ patientId: extra.id, decision: 'granted', policyVersion: clinic.consent.version, at: new Date() }));
    await createFollowUp({ tx, clock, clinic }, { patientId: extra.id, kind: 'screening', dueOn: yesterday, staffId: 'staff-1' });
    waIds.push('491700099999');

    const t0 = Date.now();
    const sent = async () => Number((await database.db.selectFrom('reminders').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'sent').executeTakeFirstOrThrow()).n);
    await waitFor(async () => (await sent()) >= REMINDERS / 4, 'a quarter of the reminders to be sent', 60_000);
    const claimedByVictim = await database.db.selectFrom('reminders').select('id').where('state', '=', 'sending').where('claimed_by', 'like', `${victim.child.pid}-%`).execute();
    const killedAt = Date.now() - t0;
    victim.child.kill('SIGKILL');
    await new Promise((resolve) => victim.child.once('exit', resolve));

    await waitFor(async () => (await sent()) === REMINDERS, 'every reminder to be sent by the survivor', 300_000);
    await new Promise((resolve) => setTimeout(resolve, 500)); // any late request would reach the simulator by now

    const perPatient = await Promise.all(
      waIds.map(async (waId) => {
        const res = await fetch(`${simulatorUrl}/simulator/api/conversations/${waId}`);
        const body = (await res.json()) as { messages?: Array<{ direction: string }> };
        return (body.messages ?? []).filter((m) => m.direction === 'outbound').length;
      }),
    );
    const missing = perPatient.filter((n) => n === 0).length;
    const doubled = perPatient.filter((n) => n > 1).length;
    const reclaimed = await database.db.selectFrom('reminders').select('id').where('attempts', '>', 1).execute();
    // Sent by the victim just before it died, recorded from the status webhook instead of sent again.
    const reconciled = await sql<{ n: number }>`SELECT count(*) AS n FROM audit_events WHERE action = 'reminder.sent' AND detail->>'sentAs' = 'reconciled'`.execute(database.db);
    console.log(`crash test: killed after ${killedAt} ms, all sent after ${Date.now() - t0} ms; victim held ${claimedByVictim.length} claims when killed; ${reclaimed.length} reminders reclaimed by the survivor (${reconciled.rows[0]?.n ?? 0} of them already sent: recorded, not resent); missing ${missing}, doubled ${doubled}`);
    assert.ok(claimedByVictim.length > 0, 'the victim was killed in the middle of dispatch');
    assert.ok(reclaimed.length > 0, 'the survivor took over the dead process’s claims');
    assert.equal(missing, 0, 'no reminder lost');
    assert.equal(doubled, 0, 'no reminder doubled');
    const comms = await database.db.selectFrom('communications').select(['status']).where('business_initiated', '=', true).execute();
    assert.equal(comms.length, REMINDERS);
    assert.ok(comms.every((c) => c.status !== 'queued' && c.status !== 'failed'), 'every outbox row records its provider id');
  } finally {
    for (const worker of workers) if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
    await simulator.close();
    await database.close();
    await scratch.drop();
  }
});
