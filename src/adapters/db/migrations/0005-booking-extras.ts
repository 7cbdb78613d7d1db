import { sql, type Kysely } from 'kysely';

/**
 * Booking extras:
 * - `questionnaire_responses`: a service's pre-visit questionnaire as answered in the chat, shaped
 *   like a FHIR QuestionnaireResponse (`questionnaire` is the canonical reference
 *   `intake/<service id>`); the items (questions and answers) are encrypted.
 * - `appointments_busy_range_idx`: slot search reads one practitioner set's busy time in a
 *   window; a btree on (practitioner, start) with the other columns included answers it with an
 *   index-only range scan (bench/booking-search.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    // Shared with triage (0008), which may have run first: each adds the columns it needs.
    sql`CREATE TABLE IF NOT EXISTS questionnaire_responses (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      patient_id uuid NOT NULL REFERENCES patients (id),
      questionnaire text NOT NULL,
      status text NOT NULL CHECK (status IN ('in-progress', 'completed', 'amended', 'entered-in-error', 'stopped')),
      authored_at timestamptz NOT NULL
    )`,
    sql`ALTER TABLE questionnaire_responses ADD COLUMN IF NOT EXISTS appointment_id uuid REFERENCES appointments (id)`,
    sql`ALTER TABLE questionnaire_responses ADD COLUMN IF NOT EXISTS items_enc text`,
    sql`ALTER TABLE questionnaire_responses ADD COLUMN IF NOT EXISTS source text CHECK (source IN ('patient', 'staff'))`,
    sql`CREATE INDEX IF NOT EXISTS questionnaire_responses_appointment_idx ON questionnaire_responses (appointment_id)`,
    sql`CREATE INDEX IF NOT EXISTS questionnaire_responses_patient_idx ON questionnaire_responses (patient_id, authored_at)`,
    sql`CREATE INDEX appointments_busy_range_idx ON appointments (practitioner_id, start_at) INCLUDE (end_at, service_id, status)
      WHERE status IN ('proposed', 'pending', 'booked', 'arrived', 'fulfilled')`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS appointments_busy_range_idx`.execute(db);
  for (const column of ['source', 'items_enc', 'appointment_id']) await sql`ALTER TABLE questionnaire_responses DROP COLUMN IF EXISTS ${sql.ref(column)}`.execute(db);
}
