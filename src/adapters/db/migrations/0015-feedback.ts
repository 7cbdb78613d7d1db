import { sql, type Kysely } from 'kysely';

/**
 * Visit feedback (issue 9): a planned send of kind `survey` after an appointment is marked
 * attended, and the answer as a QuestionnaireResponse (questionnaire `feedback/visit`) with the
 * rating and the comment's sentiment in the clear for analytics; the comment stays encrypted in
 * `items_enc`. One feedback response per appointment.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`ALTER TABLE reminders DROP CONSTRAINT IF EXISTS reminders_kind_check`,
    sql`ALTER TABLE reminders ADD CONSTRAINT reminders_kind_check CHECK (kind IN ('appointment', 'medication_dose', 'refill', 'follow_up', 'survey'))`,
    sql`ALTER TABLE questionnaire_responses ADD COLUMN rating smallint CHECK (rating BETWEEN 1 AND 5)`,
    sql`ALTER TABLE questionnaire_responses ADD COLUMN sentiment text CHECK (sentiment IN ('positive', 'neutral', 'negative'))`,
    sql`ALTER TABLE questionnaire_responses ADD COLUMN sentiment_score real`,
    sql`CREATE UNIQUE INDEX questionnaire_responses_feedback_idx ON questionnaire_responses (appointment_id) WHERE questionnaire = 'feedback/visit'`,
    sql`CREATE INDEX questionnaire_responses_rating_idx ON questionnaire_responses (authored_at) WHERE rating IS NOT NULL`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`DROP INDEX IF EXISTS questionnaire_responses_rating_idx`,
    sql`DROP INDEX IF EXISTS questionnaire_responses_feedback_idx`,
    sql`ALTER TABLE questionnaire_responses DROP COLUMN IF EXISTS sentiment_score`,
    sql`ALTER TABLE questionnaire_responses DROP COLUMN IF EXISTS sentiment`,
    sql`ALTER TABLE questionnaire_responses DROP COLUMN IF EXISTS rating`,
    sql`DELETE FROM reminders WHERE kind = 'survey'`,
    sql`ALTER TABLE reminders DROP CONSTRAINT IF EXISTS reminders_kind_check`,
    sql`ALTER TABLE reminders ADD CONSTRAINT reminders_kind_check CHECK (kind IN ('appointment', 'medication_dose', 'refill', 'follow_up'))`,
  ]) {
    await statement.execute(db);
  }
}
