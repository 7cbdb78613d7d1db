import { sql, type Kysely } from 'kysely';

/** Spine: patients, inbound webhook events, communications (messages), media, audit log, rate buckets. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE TABLE patients (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      wa_id_hash text UNIQUE,
      user_id_hash text UNIQUE,
      wa_id_enc text,
      user_id_enc text,
      profile_name_enc text,
      language text,
      last_inbound_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT patients_has_channel_id CHECK (wa_id_hash IS NOT NULL OR user_id_hash IS NOT NULL)
    )`,
    sql`CREATE TABLE inbound_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      dedupe_key text NOT NULL UNIQUE,
      kind text NOT NULL,
      phone_number_id text,
      payload_enc text NOT NULL,
      state text NOT NULL CHECK (state IN ('pending', 'processed', 'quarantined', 'ignored', 'failed')),
      reason text,
      attempts integer NOT NULL DEFAULT 0,
      received_at timestamptz NOT NULL DEFAULT now(),
      processed_at timestamptz
    )`,
    sql`CREATE INDEX inbound_events_state_idx ON inbound_events (state, received_at) WHERE state IN ('pending', 'quarantined', 'failed')`,
    sql`CREATE TABLE communications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      patient_id uuid NOT NULL REFERENCES patients (id),
      direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
      channel text NOT NULL DEFAULT 'whatsapp',
      provider_message_id text UNIQUE,
      content_kind text NOT NULL,
      content_enc text NOT NULL,
      status text NOT NULL,
      sender text NOT NULL,
      reply_to_provider_id text,
      idempotency_key text UNIQUE,
      error_code integer,
      error_title text,
      error_reason text,
      attempts integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      status_at timestamptz,
      sent_at timestamptz,
      delivered_at timestamptz,
      read_at timestamptz,
      failed_at timestamptz
    )`,
    sql`CREATE INDEX communications_patient_idx ON communications (patient_id, created_at)`,
    sql`CREATE TABLE media (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      communication_id uuid NOT NULL REFERENCES communications (id),
      patient_id uuid NOT NULL REFERENCES patients (id),
      provider_media_id text NOT NULL,
      mime_type text NOT NULL,
      byte_size integer,
      sha256 text,
      storage_key text,
      state text NOT NULL CHECK (state IN ('pending', 'stored', 'failed', 'too_large')),
      reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      stored_at timestamptz,
      UNIQUE (communication_id, provider_media_id)
    )`,
    sql`CREATE TABLE audit_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      actor_type text NOT NULL,
      actor_id text,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text,
      patient_id uuid,
      outcome text NOT NULL,
      detail jsonb NOT NULL DEFAULT '{}'::jsonb,
      prev_hash text NOT NULL,
      hash text NOT NULL UNIQUE
    )`,
    sql`CREATE INDEX audit_events_patient_idx ON audit_events (patient_id, recorded_at)`,
    // Append-only: the database itself refuses to change or remove audit rows.
    sql`CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP;
      END
    $$`,
    sql`CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`,
    sql`CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`,
    sql`CREATE TABLE rate_buckets (
      key text PRIMARY KEY,
      tokens double precision NOT NULL,
      updated_at timestamptz NOT NULL
    )`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['rate_buckets', 'audit_events', 'media', 'communications', 'inbound_events', 'patients']) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)} CASCADE`.execute(db);
  }
  await sql`DROP FUNCTION IF EXISTS audit_events_append_only()`.execute(db);
}
