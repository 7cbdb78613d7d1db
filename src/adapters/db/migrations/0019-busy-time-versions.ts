import { sql, type Kysely } from 'kysely';

/**
 * A version per practitioner, bumped by every change to their appointments or holds in the
 * same transaction: a process that keeps their busy time in memory asks for the versions (one
 * small read) and refetches only what changed, and sees every committed change (ADR 17).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE TABLE busy_versions (
      practitioner_id text PRIMARY KEY,
      version bigint NOT NULL
    )`,
    sql`CREATE OR REPLACE FUNCTION hale_bump_busy_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          INSERT INTO busy_versions (practitioner_id, version) VALUES (OLD.practitioner_id, 1)
          ON CONFLICT (practitioner_id) DO UPDATE SET version = busy_versions.version + 1;
        END IF;
        IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.practitioner_id IS DISTINCT FROM OLD.practitioner_id) THEN
          INSERT INTO busy_versions (practitioner_id, version) VALUES (NEW.practitioner_id, 1)
          ON CONFLICT (practitioner_id) DO UPDATE SET version = busy_versions.version + 1;
        END IF;
        RETURN NULL;
      END $$`,
    sql`CREATE TRIGGER appointments_bump_busy_version AFTER INSERT OR UPDATE OR DELETE ON appointments FOR EACH ROW EXECUTE FUNCTION hale_bump_busy_version()`,
    sql`CREATE TRIGGER slot_holds_bump_busy_version AFTER INSERT OR UPDATE OR DELETE ON slot_holds FOR EACH ROW EXECUTE FUNCTION hale_bump_busy_version()`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS slot_holds_bump_busy_version ON slot_holds`.execute(db);
  await sql`DROP TRIGGER IF EXISTS appointments_bump_busy_version ON appointments`.execute(db);
  await sql`DROP FUNCTION IF EXISTS hale_bump_busy_version()`.execute(db);
  await sql`DROP TABLE IF EXISTS busy_versions`.execute(db);
}
