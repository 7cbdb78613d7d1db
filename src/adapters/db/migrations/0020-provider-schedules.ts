import { sql, type Kysely } from 'kysely';

/**
 * Staff-edited schedules (issue 5): a row replaces the clinic configuration's weekly hours
 * (when set) and exceptions of one provider; deleting it returns to the configuration. Every
 * process applies the rows within seconds (ADR 18). Not PHI: providers' working time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE provider_schedules (
    practitioner_id text PRIMARY KEY,
    weekly_hours jsonb,
    exceptions jsonb NOT NULL DEFAULT '[]'::jsonb,
    updated_by text NOT NULL,
    updated_at timestamptz NOT NULL
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS provider_schedules`.execute(db);
}
