import type { Kysely } from 'kysely';
import type { Cipher, QuestionnaireResponsesStore } from '../../app/ports.ts';
import type { Database } from './schema.ts';

export function questionnaireResponsesRepository(db: Kysely<Database>, cipher: Cipher): QuestionnaireResponsesStore {
  return {
    async saveTriage({ patientId, conversationId, level, resource, questionnaire, at }) {
      const row = await db
        .insertInto('questionnaire_responses')
        .values({ patient_id: patientId, conversation_id: conversationId, questionnaire, status: 'completed', triage_level: level, resource_enc: cipher.encrypt(JSON.stringify(resource)), authored_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.updateTable('conversations').set({ triage_level: level, triage_at: at, triage_response_id: row.id, updated_at: at }).where('id', '=', conversationId).execute();
      return row.id;
    },
  };
}
