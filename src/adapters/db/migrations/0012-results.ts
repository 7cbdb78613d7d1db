import { sql, type Kysely } from 'kysely';

/**
 * Results for patients (ADR 0012): the document lives encrypted in the media storage (only its
 * key here); the staff note and the original file name are encrypted; type, size, status and
 * the follow-up flag are in the clear for lists. `identity_verifications` keeps the chat's
 * identity check per patient: failures, the lockout, and the keyed hash of the outstanding
 * one-time code (never the code).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE TABLE results (
      id uuid PRIMARY KEY,
      patient_id uuid NOT NULL REFERENCES patients (id),
      storage_key text NOT NULL,
      mime_type text NOT NULL CHECK (mime_type IN ('application/pdf', 'image/jpeg', 'image/png')),
      byte_size integer NOT NULL CHECK (byte_size > 0),
      file_name_enc text,
      note_enc text,
      follow_up boolean NOT NULL DEFAULT false,
      status text NOT NULL CHECK (status IN ('ready', 'notified', 'delivered')),
      notice_skipped text,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL,
      notified_at timestamptz,
      delivered_at timestamptz,
      deliveries integer NOT NULL DEFAULT 0
    )`,
    sql`CREATE INDEX results_patient_idx ON results (patient_id, created_at)`,
    sql`CREATE INDEX results_waiting_idx ON results (patient_id) WHERE status <> 'delivered'`,
    sql`CREATE TABLE identity_verifications (
      patient_id uuid PRIMARY KEY REFERENCES patients (id),
      failed_attempts integer NOT NULL DEFAULT 0,
      locked_at timestamptz,
      code_hash text,
      code_expires_at timestamptz,
      verified_at timestamptz,
      unlocked_by text,
      unlocked_at timestamptz,
      updated_at timestamptz NOT NULL
    )`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS identity_verifications`.execute(db);
  await sql`DROP TABLE IF EXISTS results`.execute(db);
}
