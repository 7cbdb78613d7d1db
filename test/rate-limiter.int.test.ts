/**
 * The send-rate limiter keeps its buckets in the database, so two Hale processes sharing one
 * PostgreSQL never exceed the number's limit together. On PGlite (one process) the same code
 * is checked with one connection.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Kysely } from 'kysely';
import { migrateToLatest } from '../src/adapters/db/migrate-to-latest.ts';
import { openDatabase, type OpenDatabase } from '../src/adapters/db/open-database.ts';
import { databaseRateLimiter } from '../src/adapters/db/rate-limiter.ts';
import { createScratchDatabase, testDatabaseKind, type ScratchDatabase } from './support/test-database.ts';

let scratch: ScratchDatabase;
const databases: OpenDatabase[] = [];

before(async () => {
  scratch = await createScratchDatabase();
  const target = (): Parameters<typeof openDatabase>[0] =>
    scratch.url === 'memory://' ? { kind: 'pglite', dataDir: undefined } : { kind: 'postgres', url: scratch.url, poolSize: 4 };
  databases.push(await openDatabase(target()));
  await migrateToLatest(databases[0]!.db as unknown as Kysely<unknown>);
  // A second "process": its own pool on the same PostgreSQL database.
  if (testDatabaseKind === 'postgres') databases.push(await openDatabase(target()));
});

after(async () => {
  for (const database of databases) await database.close();
  await scratch?.drop();
});

test('a burst takes exactly the bucket size, across every connection sharing the database', async () => {
  const limiters = databases.map((d) => databaseRateLimiter(d.db));
  const takes = Array.from({ length: 40 }, (_, i) => limiters[i % limiters.length]!.take('number:burst-test', 1, 10));
  const waits = await Promise.all(takes);
  assert.equal(waits.filter((w) => w === 0).length, 10, `granted ${waits.filter((w) => w === 0).length} of 40 with burst 10`);
  for (const wait of waits.filter((w) => w > 0)) assert.ok(wait > 0 && wait <= 1000, `wait ${wait} ms for a 1/s refill`);
});

test('tokens refill with time at the configured rate', async () => {
  const limiter = databaseRateLimiter(databases[0]!.db);
  // 2/s: slow enough that a busy machine cannot refill a token between the takes by accident.
  for (let i = 0; i < 5; i++) assert.equal(await limiter.take('number:refill-test', 2, 5), 0);
  const wait = await limiter.take('number:refill-test', 2, 5);
  assert.ok(wait > 0 && wait <= 500, `next token in ${wait} ms at 2/s`);
  await new Promise((resolve) => setTimeout(resolve, 600));
  assert.equal(await limiter.take('number:refill-test', 2, 5), 0, 'refilled after 600 ms');
});

test("Meta's pair limit: 1 message per 6 s per patient after a burst of 45", async () => {
  const limiter = databaseRateLimiter(databases[0]!.db);
  for (let i = 0; i < 45; i++) assert.equal(await limiter.take('pair:p1', 1 / 6, 45), 0);
  const wait = await limiter.take('pair:p1', 1 / 6, 45);
  assert.ok(wait > 5000 && wait <= 6000, `wait ${wait} ms`);
  assert.equal(await limiter.take('pair:p2', 1 / 6, 45), 0, 'another patient is not affected');
});
