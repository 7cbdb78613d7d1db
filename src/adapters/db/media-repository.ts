import type { Kysely } from 'kysely';
import type { Repositories } from '../../app/ports.ts';
import type { Database } from './schema.ts';

export function mediaRepository(db: Kysely<Database>): Repositories['media'] {
  return {
    async insertPending({ communicationId, patientId, content }) {
      const row = await db
        .insertInto('media')
        .values({
          communication_id: communicationId,
          patient_id: patientId,
          provider_media_id: content.providerMediaId,
          mime_type: content.mimeType,
          byte_size: null,
          sha256: content.sha256 ?? null,
          storage_key: null,
          state: 'pending',
          reason: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async find(id) {
      const row = await db
        .selectFrom('media')
        .select(['id', 'patient_id', 'provider_media_id', 'state'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row === undefined ? undefined : { id: row.id, patientId: row.patient_id, providerMediaId: row.provider_media_id, state: row.state };
    },

    async markStored(id, { storageKey, byteSize, mimeType }, at) {
      await db
        .updateTable('media')
        .set({ state: 'stored', storage_key: storageKey, byte_size: byteSize, mime_type: mimeType, stored_at: at, reason: null })
        .where('id', '=', id)
        .execute();
    },

    async markUnavailable(id, state, reason) {
      await db.updateTable('media').set({ state, reason }).where('id', '=', id).execute();
    },
  };
}
