import type { Kysely, Selectable } from 'kysely';
import type { Repositories, SlotHoldRecord } from '../../app/ports.ts';
import type { Database, SlotHoldsTable } from './schema.ts';
import { writeUnderGuard } from './write-under-guard.ts';

const toRecord = (row: Selectable<SlotHoldsTable>): SlotHoldRecord => ({
  id: row.id,
  patientId: row.patient_id,
  practitionerId: row.practitioner_id,
  serviceId: row.service_id,
  start: row.start_at,
  end: row.end_at,
  expiresAt: row.expires_at,
});

/** Short holds on slots; overlaps with other holds and with appointments are refused by the database. */
export function slotHoldsRepository(db: Kysely<Database>): Repositories['slotHolds'] {
  return {
    async insert(input) {
      const result = await writeUnderGuard(db, () =>
        db
          .insertInto('slot_holds')
          .values({
            patient_id: input.patientId,
            practitioner_id: input.practitionerId,
            service_id: input.serviceId,
            start_at: input.start,
            end_at: input.end,
            created_at: input.at,
            expires_at: input.expiresAt,
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return result.ok ? { ok: true, hold: toRecord(result.value) } : { ok: false, reason: 'taken' };
    },

    async find(id) {
      const row = await db.selectFrom('slot_holds').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toRecord(row);
    },

    async release(id) {
      await db.deleteFrom('slot_holds').where('id', '=', id).execute();
    },

    async releaseForPatient(patientId, options) {
      let query = db.deleteFrom('slot_holds').where('patient_id', '=', patientId);
      if (options?.except !== undefined) query = query.where('id', '<>', options.except);
      const result = await query.executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
