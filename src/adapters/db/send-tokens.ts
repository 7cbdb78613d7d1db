import { sql, type Kysely } from 'kysely';
import type { SendTokens } from '../../app/reminder-ports.ts';
import type { Database } from './schema.ts';

/**
 * Reserves send slots on the same token buckets as the send rate limiter (rate_buckets), in one
 * statement under the row lock, so any number of processes share one timeline: the bucket is
 * refilled by elapsed time (capped at `burst`) and `count` tokens are taken at once, possibly
 * into debt. Token k (1-based) is due when the bucket would have refilled to k: immediately for
 * those available, then one every 1/rate seconds. The reply sender's `take` (tokens ≥ 1) waits
 * out any debt, so both paths together keep the per-number rate.
 */
export function databaseSendTokens(db: Kysely<Database>): SendTokens {
  async function attempt(key: string, rate: number, burst: number, count: number): Promise<number | undefined> {
    const result = await sql<{ avail: number }>`
      WITH cur AS (
        SELECT b.key,
          LEAST(${burst}::float8, b.tokens + EXTRACT(EPOCH FROM (GREATEST(clock_timestamp(), b.updated_at) - b.updated_at))::float8 * ${rate}::float8) AS avail,
          GREATEST(clock_timestamp(), b.updated_at) AS at
        FROM rate_buckets AS b WHERE b.key = ${key} FOR UPDATE
      )
      UPDATE rate_buckets AS b SET tokens = cur.avail - ${count}::float8, updated_at = cur.at
      FROM cur WHERE b.key = cur.key
      RETURNING cur.avail::float8 AS avail`.execute(db);
    const row = result.rows[0];
    return row === undefined ? undefined : Number(row.avail);
  }
  return {
    async reserve(key, rate, burst, count) {
      let avail = await attempt(key, rate, burst, count);
      if (avail === undefined) {
        await sql`INSERT INTO rate_buckets (key, tokens, updated_at) VALUES (${key}, ${burst}::float8, clock_timestamp()) ON CONFLICT (key) DO NOTHING`.execute(db);
        avail = await attempt(key, rate, burst, count);
      }
      if (avail === undefined) throw new Error(`rate bucket ${key} could not be created`);
      const start = avail;
      return { offsetsMs: Array.from({ length: count }, (_, i) => Math.max(0, ((i + 1 - start) / rate) * 1000)) };
    },
  };
}
