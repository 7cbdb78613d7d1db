/**
 * The audit log's hash chain under concurrency: rows written by many transactions at once (and,
 * on PostgreSQL, by two "processes"), sealed by several sealers, form one unbroken chain; a
 * transaction that rolls back leaves no audit row behind; rows cannot be changed but sealed once.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { sealAuditLog, verifyAuditChain } from '../src/adapters/db/audit-log.ts';
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
  // The rows of one transaction keep the order they were appended in.
  const rows = await databases[0]!.db.selectFrom('audit_events').select(['entity_id', 'chain_seq']).where('action', '=', 'test.event').orderBy('id').execute();
  const position = new Map(rows.map((r, i) => [Number(r.entity_id!.slice(1)), i]));
  for (let i = 0; i < 40; i++) assert.ok(position.get(i * 10)! < position.get(i * 10 + 1)! && position.get(i * 10 + 1)! < position.get(i * 10 + 2)!, `transaction ${i}`);
  assert.ok(rows.every((r) => r.chain_seq !== null), 'every row sealed');
});

test('sealers in several processes at once, while rows keep arriving, build one chain', async () => {
  const at = new Date('2026-11-22T11:00:00Z');
  const writes = Array.from({ length: 30 }, (_, i) => transactors[i % transactors.length]!.run((repos) => repos.audit.append(entry(2000 + i), at)));
  const seals = Array.from({ length: 10 }, (_, i) => sealAuditLog(databases[i % databases.length]!.db));
  await Promise.all([...writes, ...seals]);
  const result = await verifyAuditChain(databases[0]!.db);
  assert.equal(result.brokenAt, undefined, `chain broken at ${result.brokenAt}`);
  const unsealed = await databases[0]!.db.selectFrom('audit_events').select('id').where('chain_seq', 'is', null).execute();
  assert.equal(unsealed.length, 0);
});

test('the database refuses any change to an audit row but its one sealing', async () => {
  const db = databases[0]!.db;
  await transactors[0]!.run((repos) => repos.audit.append(entry(3000), new Date()));
  const row = await db.selectFrom('audit_events').select(['id']).where('entity_id', '=', 'e3000').executeTakeFirstOrThrow();
  // Sealing that also rewrites what happened is refused.
  await assert.rejects(
    sql`UPDATE audit_events SET action = 'test.forged', prev_hash = 'x', hash = 'y', chain_seq = 999999 WHERE id = ${row.id}`.execute(db),
    /append-only/,
  );
  await verifyAuditChain(db); // seals it
  await assert.rejects(sql`UPDATE audit_events SET hash = 'y' WHERE id = ${row.id}`.execute(db), /append-only/);
  await assert.rejects(sql`UPDATE audit_events SET chain_seq = NULL, hash = NULL, prev_hash = NULL WHERE id = ${row.id}`.execute(db), /append-only/);
  await assert.rejects(sql`DELETE FROM audit_events WHERE id = ${row.id}`.execute(db), /append-only/);
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
