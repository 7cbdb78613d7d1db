import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import * as spine from './migrations/0001-spine.ts';
import * as assistant from './migrations/0002-assistant.ts';
import * as scheduling from './migrations/0003-scheduling.ts';
import * as patientDetails from './migrations/0004-patient-details.ts';
import * as reminders from './migrations/0006-reminders.ts';

/** Migrations are listed here (not discovered on disk) so every install runs exactly this set. */
const migrations: Record<string, Migration> = {
  '0001-spine': spine,
  '0002-assistant': assistant,
  '0003-scheduling': scheduling,
  '0004-patient-details': patientDetails,
  '0006-reminders': reminders,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({ db, provider, migrationTableName: 'hale_migrations', migrationLockTableName: 'hale_migrations_lock' });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error !== undefined || failed !== undefined) {
    const reason = error instanceof Error ? error.message : String(error ?? 'unknown error');
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
