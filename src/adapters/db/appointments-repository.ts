import { sql, type Kysely, type Selectable } from 'kysely';
import type { AppointmentRecord, BusyTimes, CancelReason, Repositories } from '../../app/ports.ts';
import { appointmentStatuses, blocksTime } from '../../core/scheduling/appointment-status.ts';
import type { AppointmentsTable, Database } from './schema.ts';
import { writeUnderGuard } from './write-under-guard.ts';

/** The statuses the database guard treats as active (migration 0003). */
const ACTIVE = ['proposed', 'pending', 'booked', 'arrived'] as const;
/** Statuses that block time in slot search, as a literal list so the planner can use `appointments_busy_idx`. */
/** The longest appointment a service may have (clinic configuration: durationMinutes ≤ 480). */
const MAX_DURATION_MS = 480 * 60_000;
const BLOCKING = sql.raw(`(${appointmentStatuses.filter(blocksTime).map((s) => `'${s}'`).join(', ')})`);

export function toAppointmentRecord(row: Selectable<AppointmentsTable>): AppointmentRecord {
  return {
    id: row.id,
    patientId: row.patient_id,
    practitionerId: row.practitioner_id,
    serviceId: row.service_id,
    start: row.start_at,
    end: row.end_at,
    status: row.status,
    mode: row.mode,
    bookedVia: row.booked_via,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    cancelledAt: row.cancelled_at ?? undefined,
    cancelReason: (row.cancel_reason ?? undefined) as CancelReason | undefined,
    rescheduledFrom: row.rescheduled_from ?? undefined,
    version: row.version,
  };
}

/** Appointments; the double-booking guard itself lives in the database (migration 0003). */
export function appointmentsRepository(db: Kysely<Database>): Repositories['appointments'] {
  return {
    async lockPractitioner(practitionerId) {
      // The same key as the guard triggers of migration 0003.
      await sql`SELECT pg_advisory_xact_lock(hashtext('hale.slots'), hashtext(${practitionerId}::text))`.execute(db);
    },

    async insert(input) {
      const result = await writeUnderGuard(db, () =>
        db
          .insertInto('appointments')
          .values({
            patient_id: input.patientId,
            practitioner_id: input.practitionerId,
            service_id: input.serviceId,
            start_at: input.start,
            end_at: input.end,
            status: input.status,
            mode: input.mode,
            booked_via: input.bookedVia,
            created_at: input.at,
            updated_at: input.at,
            cancelled_at: null,
            cancel_reason: null,
            rescheduled_from: input.rescheduledFrom ?? null,
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return result.ok ? { ok: true, appointment: toAppointmentRecord(result.value) } : { ok: false, reason: 'taken' };
    },

    async find(id) {
      const row = await db.selectFrom('appointments').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toAppointmentRecord(row);
    },

    async listForPractitioner(practitionerId, { from, to }) {
      const rows = await db
        .selectFrom('appointments')
        .selectAll()
        .where('practitioner_id', '=', practitionerId)
        .where('start_at', '>=', from)
        .where('start_at', '<', to)
        .orderBy('start_at')
        .orderBy('id')
        .execute();
      return rows.map(toAppointmentRecord);
    },

    async lock(id) {
      const row = await db.selectFrom('appointments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      return row === undefined ? undefined : toAppointmentRecord(row);
    },

    async listForPatient(patientId, { endsAfter, statuses, limit }) {
      let query = db.selectFrom('appointments').selectAll().where('patient_id', '=', patientId);
      if (endsAfter !== undefined) query = query.where('end_at', '>', endsAfter);
      if (statuses !== undefined) {
        if (statuses.length === 0) return [];
        query = query.where('status', 'in', statuses);
      }
      const rows = await query.orderBy('start_at').orderBy('id').limit(limit).execute();
      return rows.map(toAppointmentRecord);
    },

    async findActiveAt({ patientId, practitionerId, serviceId, start }) {
      const row = await db
        .selectFrom('appointments')
        .selectAll()
        .where('patient_id', '=', patientId)
        .where('practitioner_id', '=', practitionerId)
        .where('service_id', '=', serviceId)
        .where('start_at', '=', start)
        .where('status', 'in', ACTIVE)
        .executeTakeFirst();
      return row === undefined ? undefined : toAppointmentRecord(row);
    },

    async changeStatus(id, { status, expectedVersion, at, cancelReason }) {
      const result = await writeUnderGuard(db, () =>
        db
          .updateTable('appointments')
          .set((eb) => ({
            status,
            version: eb('version', '+', 1),
            updated_at: at,
            ...(status === 'cancelled' ? { cancelled_at: at, cancel_reason: cancelReason ?? null } : {}),
          }))
          .where('id', '=', id)
          .where('version', '=', expectedVersion)
          .returningAll()
          .executeTakeFirst(),
      );
      return result.ok && result.value !== undefined ? toAppointmentRecord(result.value) : undefined;
    },

    async busyTimes(practitionerIds, { from, to }, { now, ignoreHoldsOf, ignoreAppointmentId }) {
      if (practitionerIds.length === 0) return [];
      const ids = [...practitionerIds];
      // Appointments last at most MAX_DURATION (services are ≤ 480 minutes): a range on the start
      // alone lets `appointments_busy_range_idx` (a btree) find them, much cheaper than the
      // range-overlap GiST scan.
      let appointments = db
        .selectFrom('appointments')
        .select(['practitioner_id', 'service_id', 'start_at', 'end_at'])
        .where('practitioner_id', 'in', ids)
        .where(sql<boolean>`status IN ${BLOCKING}`)
        .where('start_at', '<', to)
        .where('start_at', '>', new Date(from.getTime() - MAX_DURATION_MS))
        .where('end_at', '>', from);
      if (ignoreAppointmentId !== undefined) appointments = appointments.where('id', '<>', ignoreAppointmentId);
      let holds = db
        .selectFrom('slot_holds')
        .select(['practitioner_id', 'service_id', 'start_at', 'end_at'])
        .where('practitioner_id', 'in', ids)
        .where('expires_at', '>', now)
        .where(sql<boolean>`tstzrange(start_at, end_at) && tstzrange(${from}::timestamptz, ${to}::timestamptz)`);
      if (ignoreHoldsOf !== undefined) holds = holds.where('patient_id', '<>', ignoreHoldsOf);
      // One row per practitioner and service with "start,end,start,end,…" in milliseconds after
      // `base`: thousands of rows decode several times slower than this, most of all on PGlite, and
      // short numbers are cheaper to build and parse (bench/booking-search.ts).
      const base = Math.floor(from.getTime() / 1000) - MAX_DURATION_MS / 1000;
      const rows = await db
        .selectFrom(appointments.unionAll(holds).as('busy'))
        .select([
          'busy.practitioner_id',
          'busy.service_id',
          sql<string>`string_agg(round((date_part('epoch', busy.start_at) - ${base}) * 1000)::int8::text || ',' || round((date_part('epoch', busy.end_at) - ${base}) * 1000)::int8::text, ',')`.as('spans'),
        ])
        .groupBy(['busy.practitioner_id', 'busy.service_id'])
        .execute();
      const baseMs = base * 1000;
      return rows.map((row): BusyTimes => {
        const numbers = row.spans.split(',');
        const intervals = new Array<{ start: number; end: number }>(numbers.length / 2);
        for (let i = 0; i < intervals.length; i++) intervals[i] = { start: baseMs + Number(numbers[2 * i]), end: baseMs + Number(numbers[2 * i + 1]) };
        return { practitionerId: row.practitioner_id, serviceId: row.service_id, intervals };
      });
    },
  };
}
