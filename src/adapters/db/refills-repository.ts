import { sql, type Kysely } from 'kysely';
import type { RefillRecord, RefillRepository } from '../../app/care-ports.ts';
import type { Cipher } from '../../app/ports.ts';
import type { Database } from './schema.ts';

type Row = {
  id: string;
  patient_id: string;
  plan_id: string | null;
  source: 'reminder' | 'chat';
  state: RefillRecord['state'];
  created_at: Date;
  decided_at: Date | null;
  decided_by: string | null;
  reason_enc: string | null;
  description_enc: string | null;
  medication_enc: string | null;
};

/** Refill requests (0006, 0014): from a refill reminder's button or from the chat; staff decide. */
export function refillsRepository(db: Kysely<Database>, cipher: Cipher): RefillRepository {
  const base = () =>
    db
      .selectFrom('refill_requests as r')
      .leftJoin('medication_plans as p', 'p.id', 'r.plan_id')
      .select(['r.id', 'r.patient_id', 'r.plan_id', 'r.source', 'r.state', 'r.created_at', 'r.decided_at', 'r.decided_by', 'r.reason_enc', 'r.description_enc', 'p.medication_enc']);
  const toRecord = (row: Row): RefillRecord => ({
    id: row.id,
    patientId: row.patient_id,
    planId: row.plan_id ?? undefined,
    medication: row.description_enc !== null ? cipher.decrypt(row.description_enc) : row.medication_enc !== null ? cipher.decrypt(row.medication_enc) : '—',
    source: row.source,
    state: row.state,
    createdAt: row.created_at,
    decidedAt: row.decided_at ?? undefined,
    decidedBy: row.decided_by ?? undefined,
    reason: row.reason_enc === null ? undefined : cipher.decrypt(row.reason_enc),
  });
  return {
    async activePlans(patientId) {
      const rows = await db.selectFrom('medication_plans').select(['id', 'medication_enc']).where('patient_id', '=', patientId).where('state', '=', 'active').orderBy('created_at', 'desc').execute();
      return rows.map((r) => ({ id: r.id, medication: cipher.decrypt(r.medication_enc) }));
    },

    async createFromChat({ patientId, planId, description, at }) {
      if (planId !== undefined) {
        const plan = await db.selectFrom('medication_plans').select(['id']).where('id', '=', planId).where('patient_id', '=', patientId).where('state', '=', 'active').executeTakeFirst();
        if (plan === undefined) return undefined;
        // One open request per plan: asking again while the team decides changes nothing.
        await sql`SELECT pg_advisory_xact_lock(hashtext('hale.refill'), hashtext(${planId}::text))`.execute(db);
        const open = await db.selectFrom('refill_requests').select('id').where('plan_id', '=', planId).where('state', '=', 'open').executeTakeFirst();
        if (open !== undefined) return { id: open.id, created: false };
        const row = await db.insertInto('refill_requests').values({ plan_id: planId, patient_id: patientId, runs_out_on: null, state: 'open', source: 'chat', created_at: at }).returning('id').executeTakeFirstOrThrow();
        return { id: row.id, created: true };
      }
      if (description === undefined || description.trim() === '') return undefined;
      const row = await db
        .insertInto('refill_requests')
        .values({ plan_id: null, patient_id: patientId, runs_out_on: null, state: 'open', source: 'chat', description_enc: cipher.encrypt(description), created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: row.id, created: true };
    },

    async find(id) {
      const row = await base().where('r.id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toRecord(row as Row);
    },

    async lock(id) {
      await db.selectFrom('refill_requests').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
      const row = await base().where('r.id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toRecord(row as Row);
    },

    async list({ state, patientId, limit }) {
      let query = base();
      if (state !== undefined) query = query.where('r.state', '=', state);
      if (patientId !== undefined) query = query.where('r.patient_id', '=', patientId);
      const rows = await query.orderBy('r.created_at', state === 'open' ? 'asc' : 'desc').limit(limit).execute();
      return rows.map((r) => toRecord(r as Row));
    },

    async decide(id, { state, decidedBy, reason, at }) {
      await db
        .updateTable('refill_requests')
        .set({ state, decided_by: decidedBy, decided_at: at, reason_enc: reason === undefined ? null : cipher.encrypt(reason) })
        .where('id', '=', id)
        .execute();
    },
  };
}
