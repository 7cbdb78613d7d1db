import { sql, type Kysely, type Selectable } from 'kysely';
import type { Repositories, WaitlistEntryRecord } from '../../app/ports.ts';
import type { Database, WaitlistEntriesTable } from './schema.ts';

const toRecord = (row: Selectable<WaitlistEntriesTable>): WaitlistEntryRecord => ({
  id: row.id,
  patientId: row.patient_id,
  serviceId: row.service_id,
  practitionerId: row.practitioner_id ?? undefined,
  windowStart: row.window_start,
  windowEnd: row.window_end,
  state: row.state,
  createdAt: row.created_at,
  offeredAt: row.offered_at ?? undefined,
  offeredSlot:
    row.offered_practitioner_id === null || row.offered_start_at === null ? undefined : { practitionerId: row.offered_practitioner_id, start: row.offered_start_at },
  appointmentId: row.appointment_id ?? undefined,
});

/** Patients waiting for a service (optionally one practitioner) within a time window, first come first served. */
export function waitlistRepository(db: Kysely<Database>): Repositories['waitlist'] {
  return {
    async insert(input) {
      const row = await db
        .insertInto('waitlist_entries')
        .values({
          patient_id: input.patientId,
          service_id: input.serviceId,
          practitioner_id: input.practitionerId ?? null,
          window_start: input.windowStart,
          window_end: input.windowEnd,
          state: 'waiting',
          created_at: input.queuedSince ?? input.at,
          updated_at: input.at,
          offered_at: null,
          offered_practitioner_id: null,
          offered_start_at: null,
          appointment_id: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRecord(row);
    },

    async find(id) {
      const row = await db.selectFrom('waitlist_entries').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toRecord(row);
    },

    async listOpenForPatient(patientId) {
      const rows = await db
        .selectFrom('waitlist_entries')
        .selectAll()
        .where('patient_id', '=', patientId)
        .where('state', 'in', ['waiting', 'offered'])
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toRecord);
    },

    async lockFirstForSlot(slot, { offerOpenSince, excludePatientId }) {
      let query = db
        .selectFrom('waitlist_entries')
        .selectAll()
        .where('service_id', '=', slot.serviceId)
        .where((eb) => eb.or([eb('practitioner_id', 'is', null), eb('practitioner_id', '=', slot.practitionerId)]))
        .where('window_start', '<=', slot.start)
        .where('window_end', '>=', slot.end)
        .where((eb) => eb.or([eb('state', '=', 'waiting'), eb.and([eb('state', '=', 'offered'), eb('offered_at', '<=', offerOpenSince)])]))
        // Not offered this very slot before (NULL: never offered anything).
        .where(sql<boolean>`(offered_practitioner_id = ${slot.practitionerId} AND offered_start_at = ${slot.start}::timestamptz) IS NOT TRUE`);
      if (excludePatientId !== undefined) query = query.where('patient_id', '<>', excludePatientId);
      const row = await query.orderBy('created_at').orderBy('id').limit(1).forUpdate().skipLocked().executeTakeFirst();
      return row === undefined ? undefined : toRecord(row);
    },

    async markOffered(id, slot, at) {
      await db
        .updateTable('waitlist_entries')
        .set({ state: 'offered', offered_at: at, offered_practitioner_id: slot.practitionerId, offered_start_at: slot.start, updated_at: at })
        .where('id', '=', id)
        .execute();
    },

    async markBooked(id, appointmentId, at) {
      await db.updateTable('waitlist_entries').set({ state: 'booked', appointment_id: appointmentId, updated_at: at }).where('id', '=', id).execute();
    },

    async reopen(id, at) {
      await db.updateTable('waitlist_entries').set({ state: 'waiting', updated_at: at }).where('id', '=', id).where('state', '=', 'offered').execute();
    },

    async hasOpenOffer(slot, openSince) {
      const row = await db
        .selectFrom('waitlist_entries')
        .select('id')
        .where('state', '=', 'offered')
        .where('offered_practitioner_id', '=', slot.practitionerId)
        .where('offered_start_at', '=', slot.start)
        .where('offered_at', '>', openSince)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    async cancel(id, at) {
      await db.updateTable('waitlist_entries').set({ state: 'cancelled', updated_at: at }).where('id', '=', id).execute();
    },
  };
}
