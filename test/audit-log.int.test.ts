/**
 * The audit log's hash chain under concurrency: rows written by many transactions at once (and,
 * on PostgreSQL, by two "processes") form one unbroken chain in id order, and a transaction that
 * rolls back leaves no audit row behind.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Kysely } from 'kysely';
import { verifyAuditChain } from '../src/adapters/db/audit-log.ts';
import { createTransactor } from '../src/adapters/db/create-transactor.ts';
import { migrateToLatest } from '../src/adapters/db/migrate-to-latest.ts';
import { openDatabase, type OpenDatabase } from '../src/adapters/db/open-database.ts';
import { createFieldCipher } from '../src/adapters/crypto/create-field-cipher.ts';
import type { AuditEntry, JobQueue, Transactor } from '../src/app/ports.ts';
import { createScratchDatabase, testDatabaseKind, type ScratchDatabase } from './support/test-database.ts';

let scratch: ScratchDatabase;
const databases: OpenDatabase[] = [];
const transactors: Transactor[] = [];
const noJobs: JobQueue = { enqueue: async () => undefined, enqueueMany: async () => undefined };

before(async () => {
  scratch = await createScratchDatabase();
  const target = (): Parameters<typeof openDatabase>[0] =>
    scratch.url === 'memory://' ? { kind: 'pglite', dataDir: undefined } : { kind: 'postgres', url: scratch.url, poolSize: 6 };
  databases.push(await openDatabase(target()));
  await migrateToLatest(databases[0]!.db as unknown as Kysely<unknown>);
  if (testDatabaseKind === 'postgres') databases.push(await openDatabase(target()));
  const cipher = createFieldCipher(Buffer.alloc(32, 7), []);
  for (const database of databases) transactors.push(createTransactor(database.db, cipher, () => noJobs));
});

after(async () => {
  for (const database of databases) await database.close();
  await scratch?.drop();
});

const entry = (n: number): AuditEntry => ({ actorType: 'system', action: 'test.event', entityType: 'Test', entityId: `e${n}`, outcome: 'success', detail: { n } });

test('concurrent transactions, each writing several rows, keep one unbroken chain', async () => {
  const before = await verifyAuditChain(databases[0]!.db);
  const at = new Date('2026-11-22T10:00:00Z');
  await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      transactors[i % transactors.length]!.run(async (repos) => {
        for (let k = 0; k < 3; k++) await repos.audit.append(entry(i * 10 + k), at);
      }),
    ),
  );
  await transactors[0]!.direct((repos) => repos.audit.append(entry(999), at));
  const result = await verifyAuditChain(databases[0]!.db);
  assert.equal(result.rows, before.rows + 40 * 3 + 1);
  assert.equal(result.brokenAt, undefined, `chain broken at row ${result.brokenAt}`);
  // The rows of one transaction are consecutive and in the order they were appended.
  const rows = await databases[0]!.db.selectFrom('audit_events').select(['entity_id']).where('action', '=', 'test.event').orderBy('id').execute();
  const ns = rows.map((r) => Number(r.entity_id!.slice(1)));
  for (let i = 0; i + 2 < ns.length - 1; i += 3) assert.deepEqual([ns[i + 1]! - ns[i]!, ns[i + 2]! - ns[i]!], [1, 2], `rows ${i}..${i + 2}: ${ns.slice(i, i + 3).join(',')}`);
});

test('a rolled-back transaction leaves no audit row', async () => {
  const before = await verifyAuditChain(databases[0]!.db);
  await assert.rejects(
    transactors[0]!.run(async (repos) => {
      await repos.audit.append(entry(5000), new Date());
      throw new Error('use case failed');
    }),
    /use case failed/,
  );
  const result = await verifyAuditChain(databases[0]!.db);
  assert.equal(result.rows, before.rows);
  assert.equal(result.brokenAt, undefined);
});
