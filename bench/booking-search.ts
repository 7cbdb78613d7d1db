/**
 * Slot search with its database read (issue #5): `findPatientSlots` as the chat calls it — one
 * short transaction reading the active appointments and live holds of the providers involved,
 * then the core slot search — for 50 providers over 14 days with about 70% of their working
 * time booked. The pure computation alone is bench/slot-search.ts.
 *
 *   node bench/booking-search.ts [--pglite] [--searches 400] [--seed 7] [--calm 2]
 *
 * PostgreSQL: a scratch database on BENCH_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres, trust auth), dropped at the end. --pglite: in memory.
 * Prints the results; docs/benchmarks.md is not touched.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { createFieldCipher } from '../src/adapters/crypto/create-field-cipher.ts';
import { createTransactor } from '../src/adapters/db/create-transactor.ts';
import { migrateToLatest } from '../src/adapters/db/migrate-to-latest.ts';
import { openDatabase, type OpenDatabase } from '../src/adapters/db/open-database.ts';
import { createBusyTimeCache } from '../src/adapters/db/busy-time-cache.ts';
import { findPatientSlots } from '../src/app/find-patient-slots.ts';
import type { JobQueue } from '../src/app/ports.ts';
import { clinicConfigSchema, type ClinicConfig } from '../src/core/clinic/clinic-config.ts';
import { expandWorkingHours } from '../src/core/scheduling/expand-working-hours.ts';
import { getBookingRules } from '../src/core/scheduling/get-booking-rules.ts';
import { waitForCalm } from './wait-for-calm.ts';

const PROVIDERS = 50;
const DAYS = 14;
const minuteMs = 60_000;
const dayMs = 86_400_000;
/** Monday 2026-10-19 07:45 in Madrid; the 14 days include the autumn clock change (2026-10-25). */
const NOW = new Date('2026-10-19T05:45:00Z');
/** Months of past appointments in the table, so the read is not served from a tiny table. */
const HISTORY_DAYS = 90;

const { values: args } = parseArgs({
  options: {
    pglite: { type: 'boolean', default: false },
    searches: { type: 'string', default: '400' },
    seed: { type: 'string', default: '7' },
    /** Wait (up to 15 minutes) for the 1-minute load average to drop below this before measuring. */
    calm: { type: 'string' },
  },
});
const searches = Number(args.searches);

function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const split = [
  { open: '08:00', close: '14:00' },
  { open: '15:00', close: '19:00' },
];

function buildClinic(): ClinicConfig {
  return clinicConfigSchema.parse({
    clinic: { name: 'Bench Clinic', timeZone: 'Europe/Madrid' },
    languages: { default: 'en', supported: ['en'] },
    openingHours: { mon: split, tue: split, wed: split, thu: split, fri: split },
    consent: { version: '1', privacyUrl: 'https://example.org/privacy' },
    emergency: { number: '112' },
    departments: [
      {
        id: 'general',
        name: { en: 'General practice' },
        services: [
          { id: 'gp-visit', name: { en: 'GP appointment' }, durationMinutes: 20 },
          { id: 'gp-long', name: { en: 'Long appointment' }, durationMinutes: 40, bufferMinutes: 5, slotStepMinutes: 20 },
        ],
      },
    ],
    providers: Array.from({ length: PROVIDERS }, (_, i) => ({ id: `dr-${String(i + 1).padStart(2, '0')}`, name: `Provider ${i + 1}`, departments: ['general'] })),
    scheduling: { minNoticeMinutes: 120, horizonDays: 30 },
  });
}

interface Row {
  practitioner_id: string;
  service_id: string;
  start_at: Date;
  end_at: Date;
  status: 'booked' | 'fulfilled' | 'cancelled';
}

/** Appointment after appointment with short gaps until ~70% of working time is taken; some cancelled rows too. */
function buildRows(clinic: ClinicConfig, random: () => number): { rows: Row[]; bookedShare: number; upcoming: number } {
  const range = { from: new Date(NOW.getTime() - HISTORY_DAYS * dayMs), to: new Date(NOW.getTime() + (DAYS + 1) * dayMs) };
  const rows: Row[] = [];
  let open = 0;
  let booked = 0;
  let upcoming = 0;
  for (const provider of clinic.providers) {
    for (const block of expandWorkingHours(provider, clinic, range)) {
      const future = block.start >= NOW.getTime();
      if (future) open += block.end - block.start;
      let t = block.start;
      while (t < block.end) {
        if (random() < 0.62) {
          const rules = getBookingRules(clinic, random() < 0.75 ? 'gp-visit' : 'gp-long');
          const end = t + rules.durationMinutes * minuteMs;
          if (end > block.end) break;
          const status = future ? 'booked' : 'fulfilled';
          rows.push({ practitioner_id: provider.id, service_id: rules.service.id, start_at: new Date(t), end_at: new Date(end), status });
          if (future) {
            booked += Math.min(end + rules.bufferMinutes * minuteMs, block.end) - t;
            upcoming++;
          }
          t = end + rules.bufferMinutes * minuteMs;
        } else {
          if (random() < 0.3) rows.push({ practitioner_id: provider.id, service_id: 'gp-visit', start_at: new Date(t), end_at: new Date(t + 20 * minuteMs), status: 'cancelled' });
          t += (1 + Math.floor(random() * 4)) * 5 * minuteMs;
        }
      }
    }
  }
  return { rows, bookedShare: booked / open, upcoming };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const clinic = buildClinic();
  const { rows, bookedShare, upcoming } = buildRows(clinic, seededRandom(Number(args.seed)));
  let database: OpenDatabase;
  let drop = async () => undefined as void;
  if (args.pglite) {
    database = await openDatabase({ kind: 'pglite', dataDir: undefined });
  } else {
    const adminUrl = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const name = `hale_bench_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 10 });
    drop = async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  try {
    await migrateToLatest(database.db as unknown as Kysely<unknown>);
    const patients = await database.db
      .insertInto('patients')
      .values(Array.from({ length: 500 }, (_, i) => ({ wa_id_hash: `bench-${i}`, user_id_hash: null, wa_id_enc: null, user_id_enc: null, profile_name_enc: null, language: null })))
      .returning('id')
      .execute();
    const at = new Date(NOW.getTime() - HISTORY_DAYS * dayMs);
    for (let i = 0; i < rows.length; i += 2000) {
      await database.db
        .insertInto('appointments')
        .values(
          rows.slice(i, i + 2000).map((r, j) => ({
            ...r,
            patient_id: patients[(i + j) % patients.length]!.id,
            mode: 'in_person' as const,
            booked_via: 'chat' as const,
            created_at: at,
            updated_at: at,
            cancelled_at: r.status === 'cancelled' ? at : null,
            cancel_reason: r.status === 'cancelled' ? 'patient_request' : null,
            rescheduled_from: null,
          })),
        )
        .execute();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await sql`ANALYZE`.execute(database.db);
    const cipher = createFieldCipher(randomBytes(32));
    const noJobs: JobQueue = { enqueue: async () => undefined, enqueueMany: async () => undefined };
    const tx = createTransactor(database.db, cipher, () => noJobs);
    let now = NOW;
    const deps = { tx, clock: { now: () => now }, clinic };
    const providerIds = clinic.providers.map((p) => p.id);
    // What Hale does (ADR 17): busy time from the per-process cache, checked against the versions.
    const cached = { ...deps, busy: createBusyTimeCache(database.db).busyTimes };
    const holder = await database.db.selectFrom('patients').select('id').limit(1).executeTakeFirstOrThrow();
    const random = seededRandom(11);
    /** A patient picks a slot: a hold on a random provider, in its own transaction (not timed), which moves that provider's version. */
    const takeHold = async () => {
      const start = new Date(NOW.getTime() + (1 + Math.floor(random() * 13)) * dayMs + Math.floor(random() * 40) * 15 * minuteMs);
      await database.db.deleteFrom('slot_holds').where('patient_id', '=', holder.id).execute();
      await database.db
        .insertInto('slot_holds')
        .values({ patient_id: holder.id, practitioner_id: providerIds[Math.floor(random() * PROVIDERS)]!, service_id: 'gp-visit', start_at: start, end_at: new Date(start.getTime() + 20 * minuteMs), created_at: now, expires_at: new Date(now.getTime() + 5 * minuteMs) })
        .execute()
        .catch(() => undefined); // the time may be booked: the guard refuses, nothing changes
    };

    const scenarios: Array<{ name: string; run: (i: number) => Promise<number>; before?: (i: number) => Promise<void> }> = [
      { name: 'any of 50 providers, 20-min visit', run: () => findPatientSlots(deps, { serviceId: 'gp-visit', practitionerId: 'any', days: DAYS }).then((s) => s.length) },
      { name: 'any of 50 providers, 40-min + 5-min buffer', run: () => findPatientSlots(deps, { serviceId: 'gp-long', practitionerId: 'any', days: DAYS }).then((s) => s.length) },
      { name: 'any of 50 providers, 20-min visit, 7 days', run: () => findPatientSlots(deps, { serviceId: 'gp-visit', practitionerId: 'any', days: 7 }).then((s) => s.length) },
      { name: 'any of 50 providers, 20-min visit, 3 days', run: () => findPatientSlots(deps, { serviceId: 'gp-visit', practitionerId: 'any', days: 3 }).then((s) => s.length) },
      {
        name: "any of 50 providers, one day (the chat's times of a day)",
        run: (i: number) => findPatientSlots(deps, { serviceId: 'gp-visit', practitionerId: 'any', from: new Date(NOW.getTime() + ((i % 10) + 1) * dayMs), days: 1 }).then((s) => s.length),
      },
      { name: 'one provider, 20-min visit', run: (i: number) => findPatientSlots(deps, { serviceId: 'gp-visit', practitionerId: providerIds[i % PROVIDERS]!, days: DAYS }).then((s) => s.length) },
      { name: 'cached: any of 50 providers, 20-min visit', run: () => findPatientSlots(cached, { serviceId: 'gp-visit', practitionerId: 'any', days: DAYS }).then((s) => s.length) },
      {
        name: 'cached: any of 50 providers, 20-min visit, a hold taken before every 5th search',
        before: (i: number) => (i % 5 === 0 ? takeHold() : Promise.resolve()),
        run: () => findPatientSlots(cached, { serviceId: 'gp-visit', practitionerId: 'any', days: DAYS }).then((s) => s.length),
      },
      {
        name: 'cached: any of 50 providers, a hold taken before every search',
        before: () => takeHold(),
        run: () => findPatientSlots(cached, { serviceId: 'gp-visit', practitionerId: 'any', days: DAYS }).then((s) => s.length),
      },
      {
        name: "cached: any of 50 providers, one day (the chat's times of a day)",
        run: (i: number) => findPatientSlots(cached, { serviceId: 'gp-visit', practitionerId: 'any', from: new Date(NOW.getTime() + ((i % 10) + 1) * dayMs), days: 1 }).then((s) => s.length),
      },
      {
        name: 'its database read alone (50 providers)',
        run: () =>
          tx
            .run((repos) => repos.appointments.busyTimes(providerIds, { from: new Date(now.getTime() - 2 * 3_600_000), to: new Date(now.getTime() + DAYS * dayMs + 11 * 3_600_000) }, { now }))
            .then((groups) => groups.reduce((n, g) => n + g.intervals.length, 0)),
      },
    ];
    const calm = await waitForCalm(args.calm === undefined ? undefined : Number(args.calm), 15 * 60_000, (m) => console.log(m));
    console.log(`load average at the start: ${calm.load.map((x) => x.toFixed(2)).join(', ')}${calm.calm ? '' : ' (did not calm down: the machine was busy)'}; waited ${calm.waitedSeconds} s`);
    console.log(
      `${database.kind}: ${PROVIDERS} providers, ${rows.length.toLocaleString('en-US')} appointment rows (${upcoming.toLocaleString('en-US')} upcoming in 14 days, ` +
        `${(bookedShare * 100).toFixed(0)}% of future working time booked), ${searches} searches per row after 30 warm-up; ${os.availableParallelism()} cores, Node ${process.version}`,
    );
    for (const scenario of scenarios) {
      for (let i = 0; i < 30; i++) await scenario.run(i);
      const times: number[] = [];
      let found = 0;
      for (let i = 0; i < searches; i++) {
        now = new Date(NOW.getTime() + (i % 240) * minuteMs); // a day of chats: `now` moves on
        await scenario.before?.(i);
        const started = performance.now();
        found += await scenario.run(i);
        times.push(performance.now() - started);
      }
      const sorted = [...times].sort((a, b) => a - b);
      console.log(
        `| ${scenario.name} | p50 ${percentile(sorted, 50).toFixed(2)} ms | p95 ${percentile(sorted, 95).toFixed(2)} ms | p99 ${percentile(sorted, 99).toFixed(2)} ms | max ${sorted.at(-1)!.toFixed(2)} ms | ${Math.round(found / searches)} results |`,
      );
    }
    // Throughput with 8 searches in flight (the pool has 10 connections).
    const started = performance.now();
    let next = 0;
    const total = searches;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < total) {
          next++;
          await findPatientSlots(deps, { serviceId: 'gp-visit', practitionerId: 'any', days: DAYS });
        }
      }),
    );
    console.log(`8 concurrent 'any of 50' searches: ${((total / (performance.now() - started)) * 1000).toFixed(0)} searches/s`);
    const startedCached = performance.now();
    next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < total) {
          next++;
          await findPatientSlots(cached, { serviceId: 'gp-visit', practitionerId: 'any', days: DAYS });
        }
      }),
    );
    console.log(`8 concurrent cached 'any of 50' searches: ${((total / (performance.now() - startedCached)) * 1000).toFixed(0)} searches/s`);
    if (database.kind === 'postgres') {
      const used = await sql<{ indexrelname: string; idx_scan: number }>`SELECT indexrelname, idx_scan FROM pg_stat_user_indexes WHERE relname = 'appointments' ORDER BY indexrelname`.execute(database.db);
      console.log(`index scans on appointments: ${used.rows.map((r) => `${r.indexrelname} ${r.idx_scan}`).join(', ')}`);
    }
  } finally {
    await database.close();
    await drop();
  }
}

await main();
