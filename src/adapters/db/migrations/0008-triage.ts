import { sql, type Kysely } from 'kysely';

/**
 * Symptom triage: each finished triage as a FHIR QuestionnaireResponse (the resource encrypted;
 * the level in the clear so the staff urgent queue can sort by it), and the latest triage level
 * of each conversation (urgent and emergency ones also set `urgent` with the summary in
 * `urgent_detail_enc`, as red flags do).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    // Shared with pre-visit questionnaires (0005), which may have run first: each adds the columns it needs.
    sql`CREATE TABLE IF NOT EXISTS questionnaire_responses (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      patient_id uuid NOT NULL REFERENCES patients (id),
      questionnaire text NOT NULL,
      status text NOT NULL CHECK (status IN ('in-progress', 'completed', 'amended', 'entered-in-error', 'stopped')),
      authored_at timestamptz NOT NULL
    )`,
    sql`ALTER TABLE questionnaire_responses ADD COLUMN IF NOT EXISTS conversation_id uuid REFERENCES conversations (id)`,
    sql`ALTER TABLE questionnaire_responses ADD COLUMN IF NOT EXISTS triage_level text CHECK (triage_level IN ('emergency', 'urgent', 'routine', 'self_care'))`,
    sql`ALTER TABLE questionnaire_responses ADD COLUMN IF NOT EXISTS resource_enc text`,
    sql`CREATE INDEX IF NOT EXISTS questionnaire_responses_patient_idx ON questionnaire_responses (patient_id, authored_at)`,
    sql`ALTER TABLE conversations ADD COLUMN triage_level text CHECK (triage_level IN ('emergency', 'urgent', 'routine', 'self_care'))`,
    sql`ALTER TABLE conversations ADD COLUMN triage_at timestamptz`,
    sql`ALTER TABLE conversations ADD COLUMN triage_response_id uuid REFERENCES questionnaire_responses (id)`,
    sql`CREATE INDEX conversations_triage_idx ON conversations (triage_at) WHERE triage_level IN ('emergency', 'urgent')`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`DROP INDEX IF EXISTS conversations_triage_idx`,
    sql`ALTER TABLE conversations DROP COLUMN IF EXISTS triage_response_id`,
    sql`ALTER TABLE conversations DROP COLUMN IF EXISTS triage_at`,
    sql`ALTER TABLE conversations DROP COLUMN IF EXISTS triage_level`,
    sql`ALTER TABLE questionnaire_responses DROP COLUMN IF EXISTS resource_enc`,
    sql`ALTER TABLE questionnaire_responses DROP COLUMN IF EXISTS triage_level`,
    sql`ALTER TABLE questionnaire_responses DROP COLUMN IF EXISTS conversation_id`,
  ]) {
    await statement.execute(db);
  }
}
