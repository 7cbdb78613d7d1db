/**
 * A migrated scratch database (PGlite, or PostgreSQL when HALE_TEST_DATABASE_URL is set) with a
 * transactor, a settable clock, a small clinic and a way to create patients quickly: shared by
 * the booking integration tests and the availability benchmark.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { createFieldCipher } from '../../src/adapters/crypto/create-field-cipher.ts';
import { createTransactor } from '../../src/adapters/db/create-transactor.ts';
import { migrateToLatest } from '../../src/adapters/db/migrate-to-latest.ts';
import { openDatabase, type OpenDatabase } from '../../src/adapters/db/open-database.ts';
import type { Clock, JobQueue, Transactor } from '../../src/app/ports.ts';
import { clinicConfigSchema, type ClinicConfig } from '../../src/core/clinic/clinic-config.ts';
import { createScratchDatabase, testDatabaseKind, type ScratchDatabase } from './test-database.ts';

export interface BookingFixture {
  kind: 'postgres' | 'pglite';
  /** One per simulated Hale process: two pools on PostgreSQL, the single connection on PGlite. */
  databases: OpenDatabase[];
  transactors: Transactor[];
  tx: Transactor;
  cipher: ReturnType<typeof createFieldCipher>;
  clock: Clock & { set(at: Date | string): void; advanceMinutes(minutes: number): void };
  createPatients(count: number): Promise<string[]>;
  close(): Promise<void>;
}

const noJobs: JobQueue = { enqueue: async () => undefined, enqueueMany: async () => undefined };

export async function openBookingFixture(options: { poolSize?: number; processes?: number } = {}): Promise<BookingFixture> {
  const scratch: ScratchDatabase = await createScratchDatabase();
  const target = (): Parameters<typeof openDatabase>[0] =>
    scratch.url === 'memory://' ? { kind: 'pglite', dataDir: undefined } : { kind: 'postgres', url: scratch.url, poolSize: options.poolSize ?? 10 };
  const databases = [await openDatabase(target())];
  await migrateToLatest(databases[0]!.db as unknown as Kysely<unknown>);
  if (testDatabaseKind === 'postgres') for (let i = 1; i < (options.processes ?? 1); i++) databases.push(await openDatabase(target()));
  const cipher = createFieldCipher(randomBytes(32));
  const transactors = databases.map((d) => createTransactor(d.db, cipher, () => noJobs));
  let now = new Date('2030-01-01T00:00:00Z');
  const clock = {
    now: () => new Date(now),
    set: (at: Date | string) => void (now = new Date(at)),
    advanceMinutes: (minutes: number) => void (now = new Date(now.getTime() + minutes * 60_000)),
  };
  let created = 0;
  return {
    kind: testDatabaseKind,
    databases,
    transactors,
    tx: transactors[0]!,
    cipher,
    clock,
    async createPatients(count) {
      const ids: string[] = [];
      await transactors[0]!.run(async (repos) => {
        for (let i = 0; i < count; i++) {
          created += 1;
          const patient = await repos.patients.create({ waId: `4915550${String(created).padStart(6, '0')}` }, clock.now());
          ids.push(patient.id);
        }
      });
      return ids;
    },
    async close() {
      for (const database of databases) await database.close();
      await scratch.drop();
    },
  };
}

/**
 * A small clinic in Madrid: Monday–Friday 08:00–18:00; a 30-minute consultation (instant) and a
 * 20-minute review (request, 10-minute buffer) with two doctors.
 */
export function buildTestClinic(overrides: { providers?: number; scheduling?: Record<string, number> } = {}): ClinicConfig {
  const day = [{ open: '08:00', close: '18:00' }];
  const providerCount = overrides.providers ?? 2;
  return clinicConfigSchema.parse({
    clinic: { name: 'Test Clinic', timeZone: 'Europe/Madrid' },
    languages: { default: 'en', supported: ['en'] },
    openingHours: { mon: day, tue: day, wed: day, thu: day, fri: day },
    consent: { version: '1', privacyUrl: 'https://example.org/privacy' },
    emergency: { number: '112' },
    departments: [
      {
        id: 'general',
        name: { en: 'General practice' },
        services: [
          { id: 'consult', name: { en: 'Consultation' }, durationMinutes: 30 },
          { id: 'review', name: { en: 'Review' }, durationMinutes: 20, bufferMinutes: 10, booking: 'request' },
        ],
      },
    ],
    providers: Array.from({ length: providerCount }, (_, i) => ({
      id: providerCount === 2 ? ['dr-a', 'dr-b'][i] : `dr-${String(i + 1).padStart(3, '0')}`,
      name: `Doctor ${i + 1}`,
      departments: ['general'],
    })),
    scheduling: { minNoticeMinutes: 60, horizonDays: 30, cancellationCutoffHours: 24, holdMinutes: 5, ...overrides.scheduling },
  });
}
