import { sql, type Kysely } from 'kysely';

/**
 * Symptom triage: each finished triage as a FHIR QuestionnaireResponse (the resource encrypted;
 * the level in the clear so the staff urgent queue can sort by it), and the latest triage level
 * of each conversation (urgent and emergency ones also set `urgent` with the summary in
 * `urgent_detail_enc`, as red flags do).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE TABLE questionnaire_responses (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      patient_id uuid NOT NULL REFERENCES patients (id),
      conversation_id uuid REFERENCES conversations (id),
      questionnaire text NOT NULL,
      status text NOT NULL CHECK (status IN ('in-progress', 'completed', 'amended', 'entered-in-error', 'stopped')),
      triage_level text CHECK (triage_level IN ('emergency', 'urgent', 'routine', 'self_care')),
      resource_enc text NOT NULL,
      authored_at timestamptz NOT NULL
    )`,
    sql`CREATE INDEX questionnaire_responses_patient_idx ON questionnaire_responses (patient_id, authored_at)`,
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
    sql`DROP TABLE IF EXISTS questionnaire_responses`,
  ]) {
    await statement.execute(db);
  }
}
