import { sql, type Kysely } from 'kysely';

/**
 * The audit chain is sealed after the fact (ADR 7): a use case's transaction inserts its audit
 * rows without a hash and takes no global lock; a sealer links committed rows into the chain in
 * `chain_seq` order. The only change the database allows to an audit row is that one sealing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`ALTER TABLE audit_events ALTER COLUMN prev_hash DROP NOT NULL`,
    sql`ALTER TABLE audit_events ALTER COLUMN hash DROP NOT NULL`,
    sql`ALTER TABLE audit_events ADD COLUMN chain_seq bigint UNIQUE`,
    // Rows chained before this migration keep their place: chain order was id order.
    sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete`,
    sql`UPDATE audit_events SET chain_seq = id`,
    sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete`,
    sql`CREATE INDEX audit_events_unsealed_idx ON audit_events (id) WHERE chain_seq IS NULL`,
    sql`CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE'
          AND OLD.chain_seq IS NULL AND OLD.hash IS NULL AND OLD.prev_hash IS NULL
          AND NEW.chain_seq IS NOT NULL AND NEW.hash IS NOT NULL AND NEW.prev_hash IS NOT NULL
          AND (NEW.id, NEW.recorded_at, NEW.actor_type, NEW.actor_id, NEW.action, NEW.entity_type, NEW.entity_id, NEW.patient_id, NEW.outcome, NEW.detail)
              IS NOT DISTINCT FROM
              (OLD.id, OLD.recorded_at, OLD.actor_type, OLD.actor_id, OLD.action, OLD.entity_type, OLD.entity_id, OLD.patient_id, OLD.outcome, OLD.detail)
        THEN
          RETURN NEW; -- sealing: the row's place in the chain is written once
        END IF;
        RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP;
      END
    $$`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS audit_events_unsealed_idx`.execute(db);
  await sql`ALTER TABLE audit_events DROP COLUMN IF EXISTS chain_seq`.execute(db);
}
