import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { AuditEntry, Repositories } from '../../app/ports.ts';
import type { Database } from './schema.ts';

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
 * Appends hash-chained rows, all of them in one INSERT, inside the caller's transaction. A
 * transaction-scoped advisory lock orders writers so the chain has no forks, on PGlite and on
 * PostgreSQL with many Hale processes alike; the lock is held from this call to the commit.
 */
export async function appendAuditRows(trx: Kysely<Database>, rows: readonly Pending[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`SELECT pg_advisory_xact_lock(hashtext('hale.audit_events'))`.execute(trx);
  const last = await trx.selectFrom('audit_events').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  let prevHash = last?.hash ?? AUDIT_GENESIS_HASH;
  const values = rows.map(({ entry, at }) => {
    const hash = auditHash(prevHash, at, entry);
    const row = {
      recorded_at: at,
      actor_type: entry.actorType,
      actor_id: entry.actorId ?? null,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId ?? null,
      patient_id: entry.patientId ?? null,
      outcome: entry.outcome,
      detail: JSON.stringify(entry.detail ?? {}),
      prev_hash: prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
  // Ids follow the array order (one statement, one sequence range in order), so the chain order is the id order.
  await trx.insertInto('audit_events').values(values).execute();
}

/**
 * The audit port for one transaction: rows are collected and written by `flush`, which the
 * transactor calls just before COMMIT — so the global chain lock is held for two short
 * statements, not for the whole transaction.
 */
export function bufferedAuditLog(): Repositories['audit'] & { flush(trx: Kysely<Database>): Promise<void> } {
  const pending: Pending[] = [];
  return {
    async append(entry, at) {
      pending.push({ entry, at });
    },
    async flush(trx) {
      const rows = pending.splice(0, pending.length);
      await appendAuditRows(trx, rows);
    },
  };
}

/** The audit port outside a transaction: each append is its own short transaction. */
export function auditLog(db: Kysely<Database>): Repositories['audit'] {
  return {
    async append(entry, at) {
      await db.transaction().execute((trx) => appendAuditRows(trx, [{ entry, at }]));
    },
  };
}
/** Recomputes the chain; returns the id of the first row that does not match, or undefined. */
export async function verifyAuditChain(db: Kysely<Database>): Promise<{ rows: number; brokenAt: number | undefined }> {
  const rows = await db.selectFrom('audit_events').selectAll().orderBy('id').execute();
  let prev = AUDIT_GENESIS_HASH;
  for (const row of rows) {
    const entry: AuditEntry = {
      actorType: row.actor_type as AuditEntry['actorType'],
      ...(row.actor_id === null ? {} : { actorId: row.actor_id }),
      action: row.action,
      entityType: row.entity_type,
      ...(row.entity_id === null ? {} : { entityId: row.entity_id }),
      ...(row.patient_id === null ? {} : { patientId: row.patient_id }),
      outcome: row.outcome as AuditEntry['outcome'],
      detail: row.detail as AuditEntry['detail'],
    };
    if (row.prev_hash !== prev || auditHash(prev, row.recorded_at, entry) !== row.hash) return { rows: rows.length, brokenAt: row.id };
    prev = row.hash;
  }
  return { rows: rows.length, brokenAt: undefined };
}
