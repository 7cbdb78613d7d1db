import { sql, type Kysely } from 'kysely';

/**
 * The assistant's replies still queued are found by the stalled-reply sweeper (ADR 16) instead
 * of a fallback job per reply: a small partial index over just those rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX communications_bot_queued_idx ON communications (created_at) WHERE direction = 'outbound' AND status = 'queued' AND sender = 'bot'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS communications_bot_queued_idx`.execute(db);
}
