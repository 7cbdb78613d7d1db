import { sql, type Kysely } from 'kysely';

/**
 * Assistant: conversations (owner, encrypted engine state with a version), conversation events
 * (handover, hand-back, urgent), consent records, opt-out, and the ordering and handled mark of
 * inbound messages.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`ALTER TABLE patients ADD COLUMN opted_out_at timestamptz`,
    sql`ALTER TABLE patients ADD COLUMN opted_in_at timestamptz`,
    sql`ALTER TABLE communications ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY`,
    sql`ALTER TABLE communications ADD COLUMN handled_at timestamptz`,
    sql`ALTER TABLE communications ADD COLUMN business_initiated boolean NOT NULL DEFAULT false`,
    // Messages received before the assistant existed are not answered now.
    sql`UPDATE communications SET handled_at = created_at WHERE direction = 'inbound'`,
    sql`CREATE INDEX communications_unhandled_idx ON communications (patient_id, seq) WHERE direction = 'inbound' AND handled_at IS NULL`,
    sql`CREATE TABLE conversations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      patient_id uuid NOT NULL UNIQUE REFERENCES patients (id),
      owner text NOT NULL DEFAULT 'bot' CHECK (owner IN ('bot', 'staff', 'closed')),
      state_enc text,
      version integer NOT NULL DEFAULT 0,
      urgent boolean NOT NULL DEFAULT false,
      urgent_detail_enc text,
      handover_reason text,
      handover_summary_enc text,
      handed_over_at timestamptz,
      assigned_to text,
      waiting_since timestamptz,
      last_message_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    sql`CREATE INDEX conversations_queue_idx ON conversations (owner, urgent DESC, waiting_since)`,
    sql`CREATE TABLE conversation_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      conversation_id uuid NOT NULL REFERENCES conversations (id),
      type text NOT NULL,
      reason text,
      actor_type text NOT NULL,
      actor_id text,
      at timestamptz NOT NULL
    )`,
    sql`CREATE INDEX conversation_events_conversation_idx ON conversation_events (conversation_id, id)`,
    sql`CREATE TABLE consents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      patient_id uuid NOT NULL REFERENCES patients (id),
      decision text NOT NULL CHECK (decision IN ('granted', 'declined', 'withdrawn')),
      policy_version text NOT NULL,
      decided_at timestamptz NOT NULL,
      source_communication_id uuid REFERENCES communications (id)
    )`,
    sql`CREATE INDEX consents_patient_idx ON consents (patient_id, decided_at)`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`DROP TABLE IF EXISTS consents`,
    sql`DROP TABLE IF EXISTS conversation_events`,
    sql`DROP TABLE IF EXISTS conversations`,
    sql`ALTER TABLE communications DROP COLUMN IF EXISTS business_initiated`,
    sql`ALTER TABLE communications DROP COLUMN IF EXISTS handled_at`,
    sql`ALTER TABLE communications DROP COLUMN IF EXISTS seq`,
    sql`ALTER TABLE patients DROP COLUMN IF EXISTS opted_in_at`,
    sql`ALTER TABLE patients DROP COLUMN IF EXISTS opted_out_at`,
  ]) {
    await statement.execute(db);
  }
}
