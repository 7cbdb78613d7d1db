import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The suite runs on PGlite by default and on PostgreSQL when HALE_TEST_DATABASE_URL is set
 * (.ci/run does both). On PostgreSQL every caller gets its own scratch database.
 */
export const testDatabaseUrl = process.env['HALE_TEST_DATABASE_URL'];
export const testDatabaseKind: 'postgres' | 'pglite' = testDatabaseUrl === undefined ? 'pglite' : 'postgres';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createScratchDatabase(): Promise<ScratchDatabase> {
  if (testDatabaseUrl === undefined) return { url: 'memory://', drop: async () => undefined };
  const name = `hale_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: testDatabaseUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
