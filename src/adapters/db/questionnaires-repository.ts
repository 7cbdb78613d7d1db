import type { Kysely } from 'kysely';
import type { Cipher, Repositories } from '../../app/ports.ts';
import type { IntakeAnswer } from '../../core/assistant/effects.ts';
import type { Database } from './schema.ts';

/** QuestionnaireResponses: the items (questions and answers) are PHI and stored encrypted. */
export function questionnairesRepository(db: Kysely<Database>, cipher: Cipher): Repositories['questionnaires'] {
  return {
    async insert(input) {
      const row = await db
        .insertInto('questionnaire_responses')
        .values({
          patient_id: input.patientId,
          appointment_id: input.appointmentId ?? null,
          questionnaire: input.questionnaire,
          status: 'completed',
          items_enc: cipher.encrypt(JSON.stringify(input.items)),
          authored_at: input.at,
          source: input.source,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: row.id };
    },

    async listForAppointment(appointmentId) {
      const rows = await db.selectFrom('questionnaire_responses').selectAll().where('appointment_id', '=', appointmentId).where('items_enc', 'is not', null).orderBy('authored_at').execute();
      return rows.map((row) => ({
        id: row.id,
        patientId: row.patient_id,
        appointmentId: row.appointment_id ?? undefined,
        questionnaire: row.questionnaire,
        status: 'completed' as const,
        authored: row.authored_at,
        items: JSON.parse(cipher.decrypt(row.items_enc ?? '')) as IntakeAnswer[],
      }));
    },
  };
}
