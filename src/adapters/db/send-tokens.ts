import { sql, type Kysely } from 'kysely';
import type { SendTokens } from '../../app/reminder-ports.ts';
import type { Database } from './schema.ts';

/**
 * Batch takes from the same token buckets as the send rate limiter (rate_buckets), in one
 * statement under the row lock: concurrent takers in any number of processes never overdraw.
 * `FOR UPDATE` re-reads the row a concurrent taker just changed, so no stale snapshot grants.
 */
export function databaseSendTokens(db: Kysely<Database>): SendTokens {
  async function attempt(key: string, rate: number, burst: number, want: number): Promise<{ granted: number; left: number } | undefined> {
    const result = await sql<{ granted: number; left_tokens: number }>`
      WITH cur AS (
        SELECT b.key,
          LEAST(${burst}::float8, b.tokens + EXTRACT(EPOCH FROM (GREATEST(clock_timestamp(), b.updated_at) - b.updated_at))::float8 * ${rate}::float8) AS avail,
          GREATEST(clock_timestamp(), b.updated_at) AS at
        FROM rate_buckets AS b WHERE b.key = ${key} FOR UPDATE
      )
      UPDATE rate_buckets AS b
      SET tokens = cur.avail - LEAST(floor(cur.avail), ${want}::float8), updated_at = cur.at
      FROM cur WHERE b.key = cur.key
      RETURNING LEAST(floor(cur.avail), ${want}::float8)::float8 AS granted, (cur.avail - LEAST(floor(cur.avail), ${want}::float8))::float8 AS left_tokens`.execute(db);
    const row = result.rows[0];
    return row === undefined ? undefined : { granted: Number(row.granted), left: Number(row.left_tokens) };
  }
  return {
    async take(key, rate, burst, want) {
      let taken = await attempt(key, rate, burst, want);
      if (taken === undefined) {
        await sql`INSERT INTO rate_buckets (key, tokens, updated_at) VALUES (${key}, ${burst}::float8, clock_timestamp()) ON CONFLICT (key) DO NOTHING`.execute(db);
        taken = await attempt(key, rate, burst, want);
      }
      if (taken === undefined) throw new Error(`rate bucket ${key} could not be created`);
      const waitMs = taken.left >= 1 ? 0 : Math.max(1, Math.ceil(((1 - taken.left) / rate) * 1000));
      return { granted: Math.max(0, Math.floor(taken.granted)), waitMs };
    },
  };
}
