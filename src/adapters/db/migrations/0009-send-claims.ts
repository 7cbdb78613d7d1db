import { sql, type Kysely } from 'kysely';

/**
 * A reply is sent by whoever claims it first: the in-process sender right after the assistant's
 * commit, or the fallback job. The claim expires, so a sender that crashed mid-send does not
 * keep the reply from leaving.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE communications ADD COLUMN send_claimed_until timestamptz`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE communications DROP COLUMN IF EXISTS send_claimed_until`.execute(db);
}
