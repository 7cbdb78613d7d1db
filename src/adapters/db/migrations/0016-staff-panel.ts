import { sql, type Kysely } from 'kysely';

/**
 * Staff panel (issue 7): when each staff member last looked at the notes that @mention them
 * (unread mentions are the newer ones), and an index to find a patient's care plans.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`ALTER TABLE staff_users ADD COLUMN mentions_seen_at timestamptz`,
    sql`CREATE INDEX conversation_notes_mentions_idx ON conversation_notes USING gin (mentions)`,
    sql`CREATE INDEX medication_plans_patient_idx ON medication_plans (patient_id, created_at)`,
    sql`CREATE INDEX follow_ups_patient_idx ON follow_ups (patient_id, due_on)`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`DROP INDEX IF EXISTS follow_ups_patient_idx`,
    sql`DROP INDEX IF EXISTS medication_plans_patient_idx`,
    sql`DROP INDEX IF EXISTS conversation_notes_mentions_idx`,
    sql`ALTER TABLE staff_users DROP COLUMN IF EXISTS mentions_seen_at`,
  ]) await statement.execute(db);
}
