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

/**
 * Appends one hash-chained row. A transaction-scoped advisory lock orders writers so the
 * chain has no forks, on PGlite and on PostgreSQL with many Hale processes alike.
 */
export function auditLog(db: Kysely<Database>): Repositories['audit'] {
  return {
    async append(entry, at) {
      await sql`SELECT pg_advisory_xact_lock(hashtext('hale.audit_events'))`.execute(db);
      const last = await db.selectFrom('audit_events').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
      const prevHash = last?.hash ?? AUDIT_GENESIS_HASH;
      await db
        .insertInto('audit_events')
        .values({
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
          hash: auditHash(prevHash, at, entry),
        })
        .execute();
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
