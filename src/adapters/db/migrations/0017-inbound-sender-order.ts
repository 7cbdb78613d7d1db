import { sql, type Kysely } from 'kysely';

/**
 * One sender's messages are recorded in the order their webhooks arrived, whichever process or
 * job handles them (ADR 15): a message event names its sender by a keyed hash (never the
 * number), and recording an event first records that sender's earlier pending ones.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE inbound_events ADD COLUMN sender_hash text`.execute(db);
  await sql`CREATE INDEX inbound_events_sender_pending_idx ON inbound_events (sender_hash, id) WHERE state = 'pending' AND kind = 'message'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS inbound_events_sender_pending_idx`.execute(db);
  await sql`ALTER TABLE inbound_events DROP COLUMN IF EXISTS sender_hash`.execute(db);
}
