import type { Kysely, Selectable } from 'kysely';
import type { Cipher } from '../../app/ports.ts';
import type { ResultRecord, ResultsRepository } from '../../app/results-ports.ts';
import { emptyVerification } from '../../core/results/identity-verification.ts';
import type { Database, ResultsTable } from './schema.ts';

export function resultsRepository(db: Kysely<Database>, cipher: Cipher): ResultsRepository {
  const toRecord = (row: Selectable<ResultsTable>): ResultRecord => ({
    id: row.id,
    patientId: row.patient_id,
    storageKey: row.storage_key,
    mimeType: row.mime_type,
    byteSize: row.byte_size,
    fileName: row.file_name_enc === null ? undefined : cipher.decrypt(row.file_name_enc),
    note: row.note_enc === null ? undefined : cipher.decrypt(row.note_enc),
    followUp: row.follow_up,
    status: row.status,
    noticeSkipped: row.notice_skipped ?? undefined,
    createdBy: row.created_by,
    createdAt: row.created_at,
    notifiedAt: row.notified_at ?? undefined,
    deliveredAt: row.delivered_at ?? undefined,
    deliveries: row.deliveries,
  });

  return {
    async insert(input) {
      const row = await db
        .insertInto('results')
        .values({
          id: input.id,
          patient_id: input.patientId,
          storage_key: input.storageKey,
          mime_type: input.mimeType,
          byte_size: input.byteSize,
          file_name_enc: input.fileName === undefined ? null : cipher.encrypt(input.fileName),
          note_enc: input.note === undefined ? null : cipher.encrypt(input.note),
          follow_up: input.followUp,
          status: 'ready',
          created_by: input.createdBy,
          created_at: input.at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRecord(row);
    },

    async find(id) {
      const row = await db.selectFrom('results').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toRecord(row);
    },

    async listForPatient(patientId) {
      const rows = await db.selectFrom('results').selectAll().where('patient_id', '=', patientId).orderBy('created_at', 'desc').orderBy('id').execute();
      return rows.map(toRecord);
    },

    async waiting(patientId) {
      const rows = await db.selectFrom('results').selectAll().where('patient_id', '=', patientId).where('status', '<>', 'delivered').orderBy('created_at').orderBy('id').execute();
      return rows.map(toRecord);
    },

    async countWaiting(patientId) {
      const row = await db
        .selectFrom('results')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('patient_id', '=', patientId)
        .where('status', '<>', 'delivered')
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async markNotified(id, at) {
      await db.updateTable('results').set({ status: 'notified', notified_at: at, notice_skipped: null }).where('id', '=', id).where('status', '=', 'ready').execute();
    },

    async markNoticeSkipped(id, reason) {
      await db.updateTable('results').set({ notice_skipped: reason }).where('id', '=', id).execute();
    },

    async markDelivered(id, at) {
      await db
        .updateTable('results')
        .set((eb) => ({ status: 'delivered', delivered_at: at, deliveries: eb('deliveries', '+', 1) }))
        .where('id', '=', id)
        .execute();
    },

    async reopen(id) {
      await db.updateTable('results').set({ status: 'ready', notified_at: null, notice_skipped: null }).where('id', '=', id).execute();
    },

    async lockVerification(patientId, at) {
      await db.insertInto('identity_verifications').values({ patient_id: patientId, failed_attempts: 0, updated_at: at }).onConflict((oc) => oc.column('patient_id').doNothing()).execute();
      const row = await db.selectFrom('identity_verifications').selectAll().where('patient_id', '=', patientId).forUpdate().executeTakeFirstOrThrow();
      return {
        ...emptyVerification(),
        failedAttempts: row.failed_attempts,
        lockedAt: row.locked_at ?? undefined,
        codeHash: row.code_hash ?? undefined,
        codeExpiresAt: row.code_expires_at ?? undefined,
      };
    },

    async saveVerification(patientId, record, at, extra = {}) {
      await db
        .updateTable('identity_verifications')
        .set({
          failed_attempts: record.failedAttempts,
          locked_at: record.lockedAt ?? null,
          code_hash: record.codeHash ?? null,
          code_expires_at: record.codeExpiresAt ?? null,
          updated_at: at,
          ...(extra.verified === true ? { verified_at: at } : {}),
          ...(extra.unlockedBy === undefined ? {} : { unlocked_by: extra.unlockedBy, unlocked_at: at }),
        })
        .where('patient_id', '=', patientId)
        .execute();
    },

    async verificationOf(patientId) {
      const row = await db.selectFrom('identity_verifications').selectAll().where('patient_id', '=', patientId).executeTakeFirst();
      if (row === undefined) return { ...emptyVerification(), verifiedAt: undefined, unlockedBy: undefined, unlockedAt: undefined };
      return {
        failedAttempts: row.failed_attempts,
        lockedAt: row.locked_at ?? undefined,
        codeHash: row.code_hash ?? undefined,
        codeExpiresAt: row.code_expires_at ?? undefined,
        verifiedAt: row.verified_at ?? undefined,
        unlockedBy: row.unlocked_by ?? undefined,
        unlockedAt: row.unlocked_at ?? undefined,
      };
    },
  };
}
