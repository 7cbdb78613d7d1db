import { sql, type Kysely } from 'kysely';
import type { FeedbackRecord, FeedbackRepository } from '../../app/care-ports.ts';
import type { Cipher } from '../../app/ports.ts';
import type { Database } from './schema.ts';

export const FEEDBACK_QUESTIONNAIRE = 'feedback/visit';

interface Item {
  linkId: string;
  answer: Array<{ valueInteger?: number; valueString?: string }>;
}

/**
 * Visit feedback as QuestionnaireResponses (questionnaire `feedback/visit`, one per appointment):
 * the items (rating and comment) encrypted in `items_enc`; the rating and the comment's sentiment
 * also in the clear for analytics.
 */
export function feedbackRepository(db: Kysely<Database>, cipher: Cipher): FeedbackRepository {
  const select = () =>
    db
      .selectFrom('questionnaire_responses')
      .select(['id', 'patient_id', 'appointment_id', 'rating', 'sentiment', 'items_enc', 'authored_at'])
      .where('questionnaire', '=', FEEDBACK_QUESTIONNAIRE);
  type Row = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;
  const toRecord = (row: Row): FeedbackRecord => {
    const items = row.items_enc === null ? [] : (JSON.parse(cipher.decrypt(row.items_enc)) as Item[]);
    const comment = items.find((i) => i.linkId === 'comment')?.answer[0]?.valueString;
    return { id: row.id, patientId: row.patient_id, appointmentId: row.appointment_id ?? '', rating: row.rating ?? 0, comment, sentiment: row.sentiment ?? undefined, authoredAt: row.authored_at };
  };
  return {
    async saveRating({ patientId, appointmentId, rating, at }) {
      const items: Item[] = [{ linkId: 'rating', answer: [{ valueInteger: rating }] }];
      const inserted = await sql<{ id: string }>`INSERT INTO questionnaire_responses (patient_id, questionnaire, status, authored_at, appointment_id, items_enc, source, rating)
        VALUES (${patientId}, ${FEEDBACK_QUESTIONNAIRE}, 'completed', ${at}, ${appointmentId}, ${cipher.encrypt(JSON.stringify(items))}, 'patient', ${rating})
        ON CONFLICT (appointment_id) WHERE questionnaire = 'feedback/visit' DO NOTHING RETURNING id`.execute(db);
      const created = inserted.rows[0];
      if (created !== undefined) return { id: created.id, created: true };
      const existing = await select().where('appointment_id', '=', appointmentId).executeTakeFirstOrThrow();
      return { id: existing.id, created: false };
    },

    async saveComment({ patientId, appointmentId, comment, sentiment, at }) {
      const row = await select().where('appointment_id', '=', appointmentId).where('patient_id', '=', patientId).forUpdate().executeTakeFirst();
      if (row === undefined) return undefined;
      const items = (row.items_enc === null ? [] : (JSON.parse(cipher.decrypt(row.items_enc)) as Item[])).filter((i) => i.linkId !== 'comment');
      items.push({ linkId: 'comment', answer: [{ valueString: comment }] });
      await db
        .updateTable('questionnaire_responses')
        .set({ items_enc: cipher.encrypt(JSON.stringify(items)), sentiment: sentiment?.vote ?? null, sentiment_score: sentiment?.score ?? null })
        .where('id', '=', row.id)
        .execute();
      void at;
      return { ...toRecord(row), comment, sentiment: sentiment?.vote };
    },

    async find(id) {
      const row = await select().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toRecord(row);
    },

    async openFollowUps(limit) {
      const alerts = await db
        .selectFrom('staff_alerts')
        .select(['id', 'subject_id', 'detail', 'created_at'])
        .where('kind', '=', 'feedback_follow_up')
        .where('acknowledged_at', 'is', null)
        .orderBy('created_at', 'asc')
        .limit(limit)
        .execute();
      const ids = alerts.flatMap((a) => (a.subject_id === null ? [] : [a.subject_id]));
      if (ids.length === 0) return [];
      const rows = await select().where('id', 'in', ids).execute();
      const byId = new Map(rows.map((r) => [r.id, toRecord(r)]));
      return alerts.flatMap((a) => {
        const response = a.subject_id === null ? undefined : byId.get(a.subject_id);
        const reason = typeof a.detail['reason'] === 'string' ? a.detail['reason'] : 'low_rating';
        return response === undefined ? [] : [{ alertId: a.id, reason, createdAt: a.created_at, response }];
      });
    },

    async completeFollowUp(alertId, staffId, at) {
      const row = await db
        .updateTable('staff_alerts')
        .set({ acknowledged_at: at, acknowledged_by: staffId })
        .where('id', '=', alertId)
        .where('kind', '=', 'feedback_follow_up')
        .where('acknowledged_at', 'is', null)
        .returning('patient_id')
        .executeTakeFirst();
      return row?.patient_id == null ? undefined : { patientId: row.patient_id };
    },

    async summary({ from, to }) {
      const rows = await db
        .selectFrom('questionnaire_responses')
        .select(['rating', 'sentiment', sql<number>`count(*)::int`.as('n')])
        .where('questionnaire', '=', FEEDBACK_QUESTIONNAIRE)
        .where('authored_at', '>=', from)
        .where('authored_at', '<', to)
        .groupBy(['rating', 'sentiment'])
        .execute();
      const byRating: Record<string, number> = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
      const bySentiment: Record<string, number> = { positive: 0, neutral: 0, negative: 0, none: 0 };
      let responses = 0;
      let sum = 0;
      for (const row of rows) {
        const n = Number(row.n);
        responses += n;
        if (row.rating !== null) {
          byRating[String(row.rating)] = (byRating[String(row.rating)] ?? 0) + n;
          sum += row.rating * n;
        }
        bySentiment[row.sentiment ?? 'none'] = (bySentiment[row.sentiment ?? 'none'] ?? 0) + n;
      }
      return { responses, averageRating: responses === 0 ? null : Math.round((sum / responses) * 100) / 100, byRating, bySentiment };
    },
  };
}
