import { sql, type Kysely } from 'kysely';
import type { RateLimiter } from '../../app/ports.ts';
import type { Database } from './schema.ts';

/**
 * Token buckets kept in PostgreSQL so the limit holds across every Hale process on one
 * database. One statement refills the bucket by elapsed time and takes a token when there is
 * one (the UPDATE's WHERE is re-checked under the row lock, so concurrent takers never
 * overdraw; time never runs backwards when a taker's clock reading predates the row it waited
 * for); otherwise it reports how long until the next token. A bucket seen for the first time is
 * created full, in the same statement.
 */
export function databaseRateLimiter(db: Kysely<Database>): RateLimiter {
  async function attempt(key: string, rate: number, burst: number): Promise<number | undefined> {
    const result = await sql<{ granted: boolean; wait_seconds: number }>`
      WITH clock AS (SELECT clock_timestamp() AS now),
      taken AS (
        UPDATE rate_buckets AS b
        SET tokens = LEAST(${burst}::float8, b.tokens + EXTRACT(EPOCH FROM (GREATEST(clock.now, b.updated_at) - b.updated_at))::float8 * ${rate}::float8) - 1,
            updated_at = GREATEST(clock.now, b.updated_at)
        FROM clock
        WHERE b.key = ${key}
          AND LEAST(${burst}::float8, b.tokens + EXTRACT(EPOCH FROM (GREATEST(clock.now, b.updated_at) - b.updated_at))::float8 * ${rate}::float8) >= 1
        RETURNING 0::float8 AS wait_seconds
      ),
      -- A bucket seen for the first time starts full: created with this take already counted.
      created AS (
        INSERT INTO rate_buckets (key, tokens, updated_at)
        SELECT ${key}, ${burst}::float8 - 1, clock.now FROM clock
        WHERE ${burst}::float8 >= 1 AND NOT EXISTS (SELECT 1 FROM rate_buckets WHERE key = ${key})
        ON CONFLICT (key) DO NOTHING
        RETURNING 0::float8 AS wait_seconds
      )
      SELECT true AS granted, wait_seconds FROM taken
      UNION ALL
      SELECT true AS granted, wait_seconds FROM created
      UNION ALL
      SELECT false AS granted, (1 - LEAST(${burst}::float8, b.tokens + EXTRACT(EPOCH FROM (GREATEST(clock.now, b.updated_at) - b.updated_at))::float8 * ${rate}::float8)) / ${rate}::float8
      FROM rate_buckets AS b, clock
      WHERE b.key = ${key} AND NOT EXISTS (SELECT 1 FROM taken)
    `.execute(db);
    const row = result.rows[0];
    if (row === undefined) return undefined;
    if (row.granted) return 0;
    // Not granted. The estimate reads the statement's snapshot, which may predate the takers this
    // statement waited for (it can even look full): never report "no wait" for a refused take.
    return Math.max(Number(row.wait_seconds), 0.001);
  }

  return {
    async take(key, ratePerSecond, burst) {
      let waitSeconds = await attempt(key, ratePerSecond, burst);
      // Another taker created the bucket while this statement ran: take from it now.
      if (waitSeconds === undefined) waitSeconds = await attempt(key, ratePerSecond, burst);
      if (waitSeconds === undefined) throw new Error(`rate bucket ${key} could not be created`);
      return waitSeconds === 0 ? 0 : Math.max(1, Math.ceil(waitSeconds * 1000));
    },
  };
}
