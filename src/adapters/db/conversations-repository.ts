import type { Kysely, Selectable } from 'kysely';
import type { ConversationState, Owner } from '../../core/assistant/conversation-state.ts';
import type { Cipher, ConversationRecord, Repositories } from '../../app/ports.ts';
import type { ConversationsTable, Database } from './schema.ts';

export function conversationsRepository(db: Kysely<Database>, cipher: Cipher): Repositories['conversations'] {
  const toRecord = (row: Selectable<ConversationsTable>): ConversationRecord => ({
    id: row.id,
    patientId: row.patient_id,
    owner: row.owner,
    state: row.state_enc === null ? undefined : (JSON.parse(cipher.decrypt(row.state_enc)) as ConversationState),
    version: row.version,
  });

  return {
    async lockForPatient(patientId, at) {
      // Usually the conversation exists: one statement; the first message creates it.
      const existing = await db.selectFrom('conversations').selectAll().where('patient_id', '=', patientId).forUpdate().executeTakeFirst();
      if (existing !== undefined) return toRecord(existing);
      await db
        .insertInto('conversations')
        .values({ patient_id: patientId, state_enc: null, urgent_detail_enc: null, handover_reason: null, handover_summary_enc: null, assigned_to: null, created_at: at, updated_at: at })
        .onConflict((oc) => oc.column('patient_id').doNothing())
        .execute();
      const row = await db.selectFrom('conversations').selectAll().where('patient_id', '=', patientId).forUpdate().executeTakeFirstOrThrow();
      return toRecord(row);
    },

    async find(id) {
      const row = await db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toRecord(row);
    },

    async save(id, { owner, state, expectedVersion, at, patientWrote }) {
      const result = await db
        .updateTable('conversations')
        .set((eb) => ({
          owner,
          state_enc: cipher.encrypt(JSON.stringify(state)),
          version: eb('version', '+', 1),
          updated_at: at,
          ...(patientWrote ? { last_message_at: at } : {}),
        }))
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async handOver(id, { reason, summary, urgent, at }) {
      await db
        .updateTable('conversations')
        .set({
          owner: 'staff',
          handover_reason: reason,
          handover_summary_enc: cipher.encrypt(summary),
          handed_over_at: at,
          waiting_since: at,
          updated_at: at,
          ...(urgent ? { urgent: true } : {}),
        })
        .where('id', '=', id)
        .execute();
    },

    async flagUrgent(id, detail, at) {
      await db.updateTable('conversations').set({ urgent: true, urgent_detail_enc: cipher.encrypt(detail), updated_at: at }).where('id', '=', id).execute();
    },

    async setOwner(id, owner: Owner, at) {
      await db
        .updateTable('conversations')
        .set({
          owner,
          updated_at: at,
          ...(owner === 'staff' ? {} : { waiting_since: null, urgent: false, urgent_detail_enc: null, assigned_to: null }),
        })
        .where('id', '=', id)
        .execute();
    },

    async addEvent(id, event, at) {
      await db
        .insertInto('conversation_events')
        .values({ conversation_id: id, type: event.type, reason: event.reason ?? null, actor_type: event.actorType, actor_id: event.actorId ?? null, at })
        .execute();
    },
  };
}
