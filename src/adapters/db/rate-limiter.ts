import { sql, type Kysely } from 'kysely';
import type { RateLimiter } from '../../app/ports.ts';
import type { Database } from './schema.ts';

/**
 * Token buckets kept in PostgreSQL so the limit holds across every Hale process on one
 * database. One statement refills the bucket by elapsed time and takes a token when there is
 * one (the UPDATE's WHERE is re-checked under the row lock, so concurrent takers never
 * overdraw); otherwise it reports how long until the next token.
 */
export function databaseRateLimiter(db: Kysely<Database>): RateLimiter {
  async function attempt(key: string, rate: number, burst: number): Promise<number | undefined> {
    const result = await sql<{ wait_seconds: number }>`
      WITH clock AS (SELECT clock_timestamp() AS now),
      taken AS (
        UPDATE rate_buckets AS b
        SET tokens = LEAST(${burst}::float8, b.tokens + EXTRACT(EPOCH FROM (clock.now - b.updated_at))::float8 * ${rate}::float8) - 1,
            updated_at = clock.now
        FROM clock
        WHERE b.key = ${key}
          AND LEAST(${burst}::float8, b.tokens + EXTRACT(EPOCH FROM (clock.now - b.updated_at))::float8 * ${rate}::float8) >= 1
        RETURNING 0::float8 AS wait_seconds
      )
      SELECT wait_seconds FROM taken
      UNION ALL
      SELECT (1 - LEAST(${burst}::float8, b.tokens + EXTRACT(EPOCH FROM (clock.now - b.updated_at))::float8 * ${rate}::float8)) / ${rate}::float8
      FROM rate_buckets AS b, clock
      WHERE b.key = ${key} AND NOT EXISTS (SELECT 1 FROM taken)
    `.execute(db);
    const row = result.rows[0];
    return row === undefined ? undefined : Number(row.wait_seconds);
  }

  return {
    async take(key, ratePerSecond, burst) {
      let waitSeconds = await attempt(key, ratePerSecond, burst);
      if (waitSeconds === undefined) {
        await sql`INSERT INTO rate_buckets (key, tokens, updated_at) VALUES (${key}, ${burst}::float8, clock_timestamp()) ON CONFLICT (key) DO NOTHING`.execute(db);
        waitSeconds = await attempt(key, ratePerSecond, burst);
      }
      if (waitSeconds === undefined) throw new Error(`rate bucket ${key} could not be created`);
      return waitSeconds <= 0 ? 0 : Math.max(1, Math.ceil(waitSeconds * 1000));
    },
  };
}
