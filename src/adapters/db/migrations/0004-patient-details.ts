import { sql, type Kysely } from 'kysely';

/** The details a clinic needs for a booking (asked at the first one, after consent), encrypted. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE patients ADD COLUMN full_name_enc text`.execute(db);
  await sql`ALTER TABLE patients ADD COLUMN birth_date_enc text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE patients DROP COLUMN IF EXISTS birth_date_enc`.execute(db);
  await sql`ALTER TABLE patients DROP COLUMN IF EXISTS full_name_enc`.execute(db);
}
