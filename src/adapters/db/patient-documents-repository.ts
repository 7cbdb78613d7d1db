import type { Kysely } from 'kysely';
import type { DocumentRecord, PatientDocumentsRepository } from '../../app/care-ports.ts';
import type { Cipher } from '../../app/ports.ts';
import type { DocumentCategory } from '../../core/care/care-texts.ts';
import type { Database } from './schema.ts';

/** Patients' photos and PDFs as DocumentReferences (0014); the bytes live in encrypted media storage. */
export function patientDocumentsRepository(db: Kysely<Database>, cipher: Cipher): PatientDocumentsRepository {
  const base = () =>
    db
      .selectFrom('patient_documents as d')
      .innerJoin('media as m', 'm.id', 'd.media_id')
      .select(['d.id', 'd.patient_id', 'd.media_id', 'd.category', 'd.categorized_by', 'd.caption_enc', 'd.created_at', 'm.mime_type', 'm.byte_size', 'm.state', 'm.storage_key']);
  type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;
  const toRecord = (row: Row): DocumentRecord => ({
    id: row.id,
    patientId: row.patient_id,
    mediaId: row.media_id,
    category: row.category ?? undefined,
    categorizedBy: row.categorized_by ?? undefined,
    caption: row.caption_enc === null ? undefined : cipher.decrypt(row.caption_enc),
    mimeType: row.mime_type,
    byteSize: row.byte_size ?? undefined,
    state: row.state,
    storageKey: row.storage_key ?? undefined,
    createdAt: row.created_at,
  });
  return {
    async createFromCommunication({ patientId, communicationId, category, at }) {
      const media = await db.selectFrom('media').select(['id']).where('communication_id', '=', communicationId).where('patient_id', '=', patientId).executeTakeFirst();
      if (media === undefined) return undefined;
      const message = await db.selectFrom('communications').select('content_enc').where('id', '=', communicationId).executeTakeFirst();
      const content = message === undefined ? undefined : (JSON.parse(cipher.decrypt(message.content_enc)) as { caption?: unknown });
      const caption = typeof content?.caption === 'string' && content.caption.trim() !== '' ? content.caption : undefined;
      const row = await db
        .insertInto('patient_documents')
        .values({
          patient_id: patientId,
          media_id: media.id,
          communication_id: communicationId,
          category: category ?? null,
          categorized_by: category === undefined ? null : 'caption',
          caption_enc: caption === undefined ? null : cipher.encrypt(caption),
          created_at: at,
          updated_at: at,
        })
        .onConflict((oc) => oc.column('media_id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (row !== undefined) return { id: row.id, created: true };
      const existing = await db.selectFrom('patient_documents').select('id').where('media_id', '=', media.id).executeTakeFirstOrThrow();
      return { id: existing.id, created: false };
    },

    async categorizeRecent(patientId, category, since, at) {
      const rows = await db
        .updateTable('patient_documents')
        .set({ category, categorized_by: 'patient', updated_at: at })
        .where('patient_id', '=', patientId)
        .where('category', 'is', null)
        .where('created_at', '>=', since)
        .returning('id')
        .execute();
      return rows.map((r) => r.id);
    },

    async listForPatient(patientId) {
      const rows = await base().where('d.patient_id', '=', patientId).orderBy('d.created_at', 'desc').execute();
      return rows.map(toRecord);
    },

    async find(id) {
      const row = await base().where('d.id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toRecord(row);
    },

    async setCategory(id, category: DocumentCategory, at) {
      await db.updateTable('patient_documents').set({ category, categorized_by: 'staff', updated_at: at }).where('id', '=', id).execute();
    },
  };
}
