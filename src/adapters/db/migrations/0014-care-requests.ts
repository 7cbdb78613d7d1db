import { sql, type Kysely } from 'kysely';

/**
 * Care requests from the chat (issue 9): refill requests a patient asks for themselves, and the
 * files patients send, kept as documents of their record.
 *
 * - `refill_requests` (0006, made from a refill reminder's button) also takes requests from the
 *   chat: a medication plan, or the patient's own description (encrypted) when there is none.
 *   Staff decide (approved / declined / book: "please book an appointment first"); the decision,
 *   who and when in the clear, the optional reason to the patient encrypted.
 * - `patient_documents`: FHIR DocumentReference of a patient's photo or PDF. The bytes stay in
 *   encrypted media storage (the `media` row); the category (insurance card, referral, report,
 *   other) in the clear for lists, the patient's caption encrypted.
 * - `media.state` gains `discarded`: a file sent without consent is not downloaded (ADR 13).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`ALTER TABLE refill_requests ALTER COLUMN plan_id DROP NOT NULL`,
    sql`ALTER TABLE refill_requests ADD COLUMN source text NOT NULL DEFAULT 'reminder' CHECK (source IN ('reminder', 'chat'))`,
    sql`ALTER TABLE refill_requests ADD COLUMN description_enc text`,
    sql`ALTER TABLE refill_requests ADD COLUMN decided_by text`,
    sql`ALTER TABLE refill_requests ADD COLUMN decided_at timestamptz`,
    sql`ALTER TABLE refill_requests ADD COLUMN reason_enc text`,
    sql`ALTER TABLE refill_requests DROP CONSTRAINT IF EXISTS refill_requests_state_check`,
    sql`ALTER TABLE refill_requests ADD CONSTRAINT refill_requests_state_check CHECK (state IN ('open', 'done', 'approved', 'declined', 'book'))`,
    sql`ALTER TABLE refill_requests ADD CONSTRAINT refill_requests_subject_check CHECK (plan_id IS NOT NULL OR description_enc IS NOT NULL)`,
    sql`CREATE INDEX refill_requests_open_idx ON refill_requests (created_at) WHERE state = 'open'`,
    sql`CREATE INDEX refill_requests_patient_idx ON refill_requests (patient_id, created_at)`,
    sql`ALTER TABLE media DROP CONSTRAINT IF EXISTS media_state_check`,
    sql`ALTER TABLE media ADD CONSTRAINT media_state_check CHECK (state IN ('pending', 'stored', 'failed', 'too_large', 'discarded'))`,
    sql`CREATE TABLE patient_documents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      patient_id uuid NOT NULL REFERENCES patients (id),
      media_id uuid NOT NULL UNIQUE REFERENCES media (id),
      communication_id uuid NOT NULL REFERENCES communications (id),
      category text CHECK (category IN ('insurance_card', 'referral', 'report', 'other')),
      categorized_by text CHECK (categorized_by IN ('caption', 'patient', 'staff')),
      caption_enc text,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`,
    sql`CREATE INDEX patient_documents_patient_idx ON patient_documents (patient_id, created_at)`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`DROP TABLE IF EXISTS patient_documents`,
    sql`ALTER TABLE media DROP CONSTRAINT IF EXISTS media_state_check`,
    sql`ALTER TABLE media ADD CONSTRAINT media_state_check CHECK (state IN ('pending', 'stored', 'failed', 'too_large'))`,
    sql`DROP INDEX IF EXISTS refill_requests_patient_idx`,
    sql`DROP INDEX IF EXISTS refill_requests_open_idx`,
    sql`ALTER TABLE refill_requests DROP CONSTRAINT IF EXISTS refill_requests_subject_check`,
    sql`ALTER TABLE refill_requests DROP CONSTRAINT IF EXISTS refill_requests_state_check`,
    sql`ALTER TABLE refill_requests ADD CONSTRAINT refill_requests_state_check CHECK (state IN ('open', 'done', 'declined'))`,
    sql`ALTER TABLE refill_requests DROP COLUMN IF EXISTS reason_enc`,
    sql`ALTER TABLE refill_requests DROP COLUMN IF EXISTS decided_at`,
    sql`ALTER TABLE refill_requests DROP COLUMN IF EXISTS decided_by`,
    sql`ALTER TABLE refill_requests DROP COLUMN IF EXISTS description_enc`,
    sql`ALTER TABLE refill_requests DROP COLUMN IF EXISTS source`,
  ]) {
    await statement.execute(db);
  }
}
