import { sql, type Kysely } from 'kysely';

/**
 * Staff: users (argon2id hashes, optional TOTP, lockout), sessions and API tokens (both stored
 * as SHA-256 of the secret), login attempts (rate limiting across processes), canned replies,
 * internal notes (encrypted), the staff member who wrote an outbound message, a blind index
 * for patient search, and triggers that NOTIFY `hale_inbox` with a patient id whenever a
 * message, a delivery status, a conversation or a note changes (realtime across processes).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE TABLE staff_users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL UNIQUE CHECK (email = lower(email)),
      display_name text NOT NULL,
      role text NOT NULL CHECK (role IN ('admin', 'agent', 'clinician')),
      password_hash text NOT NULL,
      language text NOT NULL DEFAULT 'en',
      failed_logins integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      totp_secret_enc text,
      totp_enabled_at timestamptz,
      disabled_at timestamptz,
      last_login_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    sql`CREATE TABLE staff_sessions (
      token_hash text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL
    )`,
    sql`CREATE INDEX staff_sessions_user_idx ON staff_sessions (user_id)`,
    sql`CREATE TABLE staff_api_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      token_hash text NOT NULL UNIQUE,
      role text NOT NULL CHECK (role IN ('admin', 'agent', 'clinician')),
      created_by uuid REFERENCES staff_users (id),
      created_at timestamptz NOT NULL,
      last_used_at timestamptz,
      revoked_at timestamptz
    )`,
    sql`CREATE TABLE staff_login_attempts (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      email text NOT NULL,
      ip text NOT NULL,
      succeeded boolean NOT NULL,
      at timestamptz NOT NULL
    )`,
    sql`CREATE INDEX staff_login_attempts_email_idx ON staff_login_attempts (email, at)`,
    sql`CREATE INDEX staff_login_attempts_ip_idx ON staff_login_attempts (ip, at)`,
    sql`CREATE TABLE canned_replies (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      shortcut text NOT NULL UNIQUE,
      title text NOT NULL,
      body text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    sql`CREATE TABLE conversation_notes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      conversation_id uuid NOT NULL REFERENCES conversations (id),
      author_id uuid NOT NULL REFERENCES staff_users (id),
      body_enc text NOT NULL,
      mentions uuid[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL
    )`,
    sql`CREATE INDEX conversation_notes_conversation_idx ON conversation_notes (conversation_id, created_at)`,
    sql`ALTER TABLE communications ADD COLUMN staff_user_id uuid REFERENCES staff_users (id)`,
    // Inbox queues read in these orders (src/adapters/db/staff-store.ts uses the same expressions).
    sql`CREATE INDEX conversations_staff_queue_idx ON conversations ((coalesce(waiting_since, last_message_at, created_at)), id) WHERE owner = 'staff'`,
    sql`CREATE INDEX conversations_recent_idx ON conversations (owner, (coalesce(last_message_at, created_at)) DESC, id DESC)`,
    // Patient search on encrypted names: keyed hashes of normalized name words and the number.
    sql`CREATE TABLE patient_search_terms (
      patient_id uuid NOT NULL REFERENCES patients (id),
      term_hash text NOT NULL,
      PRIMARY KEY (term_hash, patient_id)
    )`,
    sql`CREATE INDEX patient_search_terms_patient_idx ON patient_search_terms (patient_id)`,
    sql`CREATE TABLE patient_search_state (
      patient_id uuid PRIMARY KEY REFERENCES patients (id),
      indexed_at timestamptz NOT NULL
    )`,
    sql`CREATE OR REPLACE FUNCTION hale_notify_inbox() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        pid uuid;
        kind text;
      BEGIN
        IF TG_TABLE_NAME = 'conversation_notes' THEN
          SELECT patient_id INTO pid FROM conversations WHERE id = NEW.conversation_id;
          kind := 'note';
        ELSIF TG_TABLE_NAME = 'communications' THEN
          pid := NEW.patient_id;
          kind := CASE WHEN TG_OP = 'INSERT' THEN 'message' ELSE 'status' END;
        ELSE
          pid := NEW.patient_id;
          kind := 'conversation';
        END IF;
        PERFORM pg_notify('hale_inbox', json_build_object('patientId', pid, 'kind', kind)::text);
        RETURN NULL;
      END
    $$`,
    sql`CREATE TRIGGER communications_notify_inbox AFTER INSERT OR UPDATE OF status ON communications FOR EACH ROW EXECUTE FUNCTION hale_notify_inbox()`,
    sql`CREATE TRIGGER conversations_notify_inbox AFTER INSERT OR UPDATE OF owner, assigned_to, urgent, waiting_since ON conversations FOR EACH ROW EXECUTE FUNCTION hale_notify_inbox()`,
    sql`CREATE TRIGGER conversation_notes_notify_inbox AFTER INSERT ON conversation_notes FOR EACH ROW EXECUTE FUNCTION hale_notify_inbox()`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`DROP TRIGGER IF EXISTS conversation_notes_notify_inbox ON conversation_notes`,
    sql`DROP TRIGGER IF EXISTS conversations_notify_inbox ON conversations`,
    sql`DROP TRIGGER IF EXISTS communications_notify_inbox ON communications`,
    sql`DROP FUNCTION IF EXISTS hale_notify_inbox()`,
    sql`DROP TABLE IF EXISTS patient_search_state`,
    sql`DROP TABLE IF EXISTS patient_search_terms`,
    sql`DROP INDEX IF EXISTS conversations_recent_idx`,
    sql`DROP INDEX IF EXISTS conversations_staff_queue_idx`,
    sql`ALTER TABLE communications DROP COLUMN IF EXISTS staff_user_id`,
    sql`DROP TABLE IF EXISTS conversation_notes`,
    sql`DROP TABLE IF EXISTS canned_replies`,
    sql`DROP TABLE IF EXISTS staff_login_attempts`,
    sql`DROP TABLE IF EXISTS staff_api_tokens`,
    sql`DROP TABLE IF EXISTS staff_sessions`,
    sql`DROP TABLE IF EXISTS staff_users`,
  ]) {
    await statement.execute(db);
  }
}
