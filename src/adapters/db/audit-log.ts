import { createHash } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { AuditEntry, Repositories } from '../../app/ports.ts';
import type { AuditEventsTable, Database } from './schema.ts';

export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** The canonical text a row's hash covers: every column but id and hash, in a fixed order. */
export function auditHash(prevHash: string, recordedAt: Date, entry: AuditEntry): string {
  const canonical = JSON.stringify([
    prevHash,
    recordedAt.toISOString(),
    entry.actorType,
    entry.actorId ?? null,
    entry.action,
    entry.entityType,
    entry.entityId ?? null,
    entry.patientId ?? null,
    entry.outcome,
    Object.entries(entry.detail ?? {}).sort(([a], [b]) => a.localeCompare(b)),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

type Pending = { entry: AuditEntry; at: Date };

/**
 * Inserts audit rows, unsealed (no hash yet), in one statement inside the caller's transaction:
 * no lock, so use cases never wait for each other on the audit log. They join the hash chain
 * when `sealAuditLog` runs (ADR 7).
 */
export async function appendAuditRows(db: Kysely<Database>, rows: readonly Pending[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('audit_events')
    .values(rows.map(({ entry, at }) => auditRowValues(entry, at)))
    .execute();
}

/** The columns of an unsealed audit row. */
export function auditRowValues(entry: AuditEntry, at: Date) {
  return {
    recorded_at: at,
    actor_type: entry.actorType,
    actor_id: entry.actorId ?? null,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId ?? null,
    patient_id: entry.patientId ?? null,
    outcome: entry.outcome,
    detail: JSON.stringify(entry.detail ?? {}),
  };
}

/** The audit port for one transaction: rows are collected and written by `flush` just before COMMIT. */
export function bufferedAuditLog(): Repositories['audit'] & { flush(trx: Kysely<Database>): Promise<void> } {
  const pending: Pending[] = [];
  return {
    async append(entry, at) {
      pending.push({ entry, at });
    },
    async flush(trx) {
      await appendAuditRows(trx, pending.splice(0, pending.length));
    },
  };
}

/** The audit port outside a transaction. */
export function auditLog(db: Kysely<Database>): Repositories['audit'] {
  return {
    async append(entry, at) {
      await appendAuditRows(db, [{ entry, at }]);
    },
  };
}

const SEAL_BATCH = 1_000;

/**
 * Links committed, unsealed audit rows into the hash chain, oldest id first, in batches. One
 * sealer at a time across every process (advisory lock); with `wait: false` a process that finds
 * another sealing leaves it to that one. A row that commits late is sealed in a later batch:
 * the chain order (`chain_seq`) is the order of sealing. Returns the rows sealed.
 */
export async function sealAuditLog(db: Kysely<Database>, options: { wait: boolean } = { wait: false }): Promise<number> {
  let sealed = 0;
  for (;;) {
    // Inside a caller's transaction (a staff read that verifies the chain) the seal joins it.
    const inTransaction = <T,>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> => (db.isTransaction ? fn(db) : db.transaction().execute(fn));
    const count = await inTransaction(async (trx) => {
      if (options.wait) {
        await sql`SELECT pg_advisory_xact_lock(hashtext('hale.audit_events'))`.execute(trx);
      } else {
        const got = await sql<{ locked: boolean }>`SELECT pg_try_advisory_xact_lock(hashtext('hale.audit_events')) AS locked`.execute(trx);
        if (got.rows[0]?.locked !== true) return 0;
      }
      const rows = await trx.selectFrom('audit_events').selectAll().where('chain_seq', 'is', null).orderBy('id').limit(SEAL_BATCH).execute();
      if (rows.length === 0) return 0;
      const last = await trx.selectFrom('audit_events').select(['hash', 'chain_seq']).where('chain_seq', 'is not', null).orderBy('chain_seq', 'desc').limit(1).executeTakeFirst();
      let prevHash = last?.hash ?? AUDIT_GENESIS_HASH;
      let seq = last?.chain_seq ?? 0;
      const seals = rows.map((row) => {
        const hash = auditHash(prevHash, row.recorded_at, entryOf(row));
        const seal = { id: row.id, prevHash, hash, seq: (seq += 1) };
        prevHash = hash;
        return seal;
      });
      await sql`UPDATE audit_events AS a SET prev_hash = s.prev_hash, hash = s.hash, chain_seq = s.seq
        FROM (SELECT * FROM jsonb_to_recordset(${JSON.stringify(seals.map((x) => ({ id: x.id, prev_hash: x.prevHash, hash: x.hash, seq: x.seq })))}::jsonb)
              AS t(id bigint, prev_hash text, hash text, seq bigint)) AS s
        WHERE a.id = s.id`.execute(trx);
      return seals.length;
    });
    sealed += count;
    if (count < SEAL_BATCH) return sealed;
  }
}

function entryOf(row: Selectable<AuditEventsTable>): AuditEntry {
  return {
    actorType: row.actor_type as AuditEntry['actorType'],
    ...(row.actor_id === null ? {} : { actorId: row.actor_id }),
    action: row.action,
    entityType: row.entity_type,
    ...(row.entity_id === null ? {} : { entityId: row.entity_id }),
    ...(row.patient_id === null ? {} : { patientId: row.patient_id }),
    outcome: row.outcome as AuditEntry['outcome'],
    detail: row.detail as AuditEntry['detail'],
  };
}

/**
 * Seals what is waiting (blocking on another sealer), then recomputes the whole chain in chain
 * order; returns the chain_seq of the first row that does not match, or undefined.
 */
export async function verifyAuditChain(db: Kysely<Database>): Promise<{ rows: number; brokenAt: number | undefined }> {
  await sealAuditLog(db, { wait: true });
  const rows = await db.selectFrom('audit_events').selectAll().where('chain_seq', 'is not', null).orderBy('chain_seq').execute();
  let prev = AUDIT_GENESIS_HASH;
  for (const row of rows) {
    if (row.prev_hash !== prev || row.hash === null || auditHash(prev, row.recorded_at, entryOf(row)) !== row.hash) return { rows: rows.length, brokenAt: row.chain_seq ?? row.id };
    prev = row.hash;
  }
  return { rows: rows.length, brokenAt: undefined };
}
