import { sql, type Kysely, type Selectable } from 'kysely';
import type { Cipher } from '../../app/ports.ts';
import type { CarePlanRepository, DoseRecord, FollowUpRecord, MedicationPlanRecord } from '../../app/reminder-ports.ts';
import { supportedLanguages, type Language } from '../../core/clinic/clinic-config.ts';
import type { Database, MedicationDosesTable } from './schema.ts';

type PlanRow = {
  id: string;
  patient_id: string;
  medication_enc: string;
  dose_enc: string;
  times: string[];
  days_of_week: number[];
  start_date: string;
  end_date: string | null;
  time_zone: string;
  runs_out_on: string | null;
  refill_days_before: number | null;
  state: 'active' | 'stopped';
  planned_until: Date | null;
};

/** Dates come back as text (pg would turn a `date` into a local-midnight Date). */
const planColumns = sql<PlanRow>`id, patient_id, medication_enc, dose_enc, times, days_of_week, start_date::text AS start_date, end_date::text AS end_date,
  time_zone, runs_out_on::text AS runs_out_on, refill_days_before, state, planned_until`;

/** Medication plans and doses, refill requests, follow-ups, attendance and the reports on them. */
export function carePlansRepository(db: Kysely<Database>, cipher: Cipher): CarePlanRepository {
  const toPlan = (row: PlanRow): MedicationPlanRecord => ({
    id: row.id,
    patientId: row.patient_id,
    medication: cipher.decrypt(row.medication_enc),
    doseText: cipher.decrypt(row.dose_enc),
    times: row.times,
    daysOfWeek: row.days_of_week.map(Number),
    startDate: row.start_date,
    endDate: row.end_date ?? undefined,
    timeZone: row.time_zone,
    runsOutOn: row.runs_out_on ?? undefined,
    refillDaysBefore: row.refill_days_before ?? undefined,
    state: row.state,
    plannedUntil: row.planned_until ?? undefined,
  });
  const toDose = (row: Selectable<MedicationDosesTable>): DoseRecord => ({
    id: row.id,
    planId: row.plan_id,
    patientId: row.patient_id,
    scheduledAt: row.scheduled_at,
    state: row.state,
    snoozes: row.snoozes,
  });
  const toFollowUp = (row: { id: string; patient_id: string; kind: 'follow_up' | 'screening'; service_id: string | null; due_on: string; state: FollowUpRecord['state'] }): FollowUpRecord => ({
    id: row.id,
    patientId: row.patient_id,
    kind: row.kind,
    serviceId: row.service_id ?? undefined,
    dueOn: row.due_on,
    state: row.state,
  });

  return {
    async createMedicationPlan(input, at) {
      const inserted = await sql<{ id: string }>`
        INSERT INTO medication_plans (patient_id, medication_enc, dose_enc, times, days_of_week, start_date, end_date, time_zone, runs_out_on, refill_days_before, state, created_by, created_at, updated_at)
        VALUES (${input.patientId}, ${cipher.encrypt(input.medication)}, ${cipher.encrypt(input.doseText)}, ${sql`ARRAY[${sql.join(input.times.map((t) => sql`${t}`))}]::text[]`},
          ${sql`ARRAY[${sql.join(input.daysOfWeek.map((d) => sql`${d}`))}]::smallint[]`}, ${input.startDate}::date, ${input.endDate ?? null}::date, ${input.timeZone},
          ${input.runsOutOn ?? null}::date, ${input.refillDaysBefore ?? null}, 'active', ${input.staffId}, ${at}, ${at})
        RETURNING id`.execute(db);
      const id = inserted.rows[0]?.id ?? '';
      const found = await sql<PlanRow>`SELECT ${planColumns} FROM medication_plans WHERE id = ${id}`.execute(db);
      return toPlan(found.rows[0] as PlanRow);
    },

    async findMedicationPlan(id) {
      const found = await sql<PlanRow>`SELECT ${planColumns} FROM medication_plans WHERE id = ${id}`.execute(db);
      const row = found.rows[0];
      return row === undefined ? undefined : toPlan(row);
    },

    async stopMedicationPlan(id, at) {
      await db.updateTable('medication_plans').set({ state: 'stopped', updated_at: at }).where('id', '=', id).execute();
      const cancelled = await db.updateTable('medication_doses').set({ state: 'cancelled' }).where('plan_id', '=', id).where('state', '=', 'pending').returning('id').execute();
      // Their planned dose prompts go too (dispatch would skip them anyway; staff lists stay honest).
      if (cancelled.length > 0) {
        await db
          .updateTable('reminders')
          .set({ state: 'cancelled', skip_reason: 'plan_stopped', updated_at: at })
          .where('subject_id', 'in', cancelled.map((d) => d.id))
          .where('state', '=', 'planned')
          .execute();
      }
    },

    async plansToExtend(horizon, limit) {
      const found = await sql<PlanRow>`SELECT ${planColumns} FROM medication_plans
        WHERE state = 'active' AND (planned_until IS NULL OR planned_until < ${horizon})
        ORDER BY planned_until NULLS FIRST LIMIT ${limit} FOR UPDATE SKIP LOCKED`.execute(db);
      return found.rows.map(toPlan);
    },

    async insertDoses(planId, patientId, doses, plannedUntil) {
      let inserted: DoseRecord[] = [];
      if (doses.length > 0) {
        const rows = await db
          .insertInto('medication_doses')
          .values(doses.map((d) => ({ plan_id: planId, patient_id: patientId, scheduled_at: d.at, local_time: d.localTime, state: 'pending' as const })))
          .onConflict((oc) => oc.columns(['plan_id', 'scheduled_at']).doNothing())
          .returningAll()
          .execute();
        inserted = rows.map(toDose);
      }
      await db.updateTable('medication_plans').set({ planned_until: plannedUntil }).where('id', '=', planId).execute();
      return inserted;
    },

    async findDose(id) {
      const row = await db.selectFrom('medication_doses').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toDose(row);
    },

    async answerDose(id, state, at) {
      const row = await db
        .updateTable('medication_doses')
        .set({ state, answered_at: at })
        .where('id', '=', id)
        .where('state', 'in', ['pending', 'missed'])
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },

    async snoozeDose(id) {
      const row = await db
        .updateTable('medication_doses')
        .set((eb) => ({ snoozes: eb('snoozes', '+', 1) }))
        .where('id', '=', id)
        .returning('snoozes')
        .executeTakeFirstOrThrow();
      return row.snoozes;
    },

    async markMissedDoses(before) {
      const rows = await db
        .updateTable('medication_doses')
        .set({ state: 'missed' })
        .where('state', '=', 'pending')
        .where('scheduled_at', '<', before)
        .returning('plan_id')
        .execute();
      return [...new Set(rows.map((r) => r.plan_id))];
    },

    async missedInARow(planId) {
      const rows = await db
        .selectFrom('medication_doses')
        .select(['id', 'state'])
        .where('plan_id', '=', planId)
        .where('state', 'in', ['taken', 'skipped', 'missed'])
        .orderBy('scheduled_at', 'desc')
        .limit(100)
        .execute();
      let count = 0;
      let firstDoseId: string | undefined;
      for (const row of rows) {
        if (row.state === 'taken') break;
        count += 1;
        firstDoseId = row.id;
      }
      return { count, firstDoseId };
    },

    async createRefillRequest(planId, patientId, runsOutOn, at) {
      const row = await sql<{ id: string }>`INSERT INTO refill_requests (plan_id, patient_id, runs_out_on, state, created_at)
        VALUES (${planId}, ${patientId}, ${runsOutOn ?? null}::date, 'open', ${at})
        ON CONFLICT (plan_id, runs_out_on) DO NOTHING RETURNING id`.execute(db);
      const created = row.rows[0];
      if (created !== undefined) return { id: created.id, created: true };
      const existing = await sql<{ id: string }>`SELECT id FROM refill_requests WHERE plan_id = ${planId} AND runs_out_on IS NOT DISTINCT FROM ${runsOutOn ?? null}::date`.execute(db);
      return { id: existing.rows[0]?.id ?? '', created: false };
    },

    async createFollowUp(input, at) {
      const row = await sql<{ id: string; patient_id: string; kind: 'follow_up' | 'screening'; service_id: string | null; due_on: string; state: FollowUpRecord['state'] }>`
        INSERT INTO follow_ups (patient_id, kind, service_id, due_on, note_enc, state, created_by, created_at, updated_at)
        VALUES (${input.patientId}, ${input.kind}, ${input.serviceId ?? null}, ${input.dueOn}::date, ${input.note === undefined ? null : cipher.encrypt(input.note)}, 'planned', ${input.staffId}, ${at}, ${at})
        RETURNING id, patient_id, kind, service_id, due_on::text AS due_on, state`.execute(db);
      return toFollowUp(row.rows[0]!);
    },

    async findFollowUp(id) {
      const row = await sql<{ id: string; patient_id: string; kind: 'follow_up' | 'screening'; service_id: string | null; due_on: string; state: FollowUpRecord['state'] }>`
        SELECT id, patient_id, kind, service_id, due_on::text AS due_on, state FROM follow_ups WHERE id = ${id}`.execute(db);
      const found = row.rows[0];
      return found === undefined ? undefined : toFollowUp(found);
    },

    async setFollowUpState(id, state, at) {
      await db.updateTable('follow_ups').set({ state, updated_at: at }).where('id', '=', id).execute();
    },

    async markConfirmed(appointmentId, at) {
      await db.updateTable('appointments').set({ confirmed_at: at }).where('id', '=', appointmentId).where('confirmed_at', 'is', null).execute();
    },

    async setAttendance(appointmentId, attendance, by, at) {
      await db.updateTable('appointments').set({ attendance, attendance_at: at, attendance_by: by }).where('id', '=', appointmentId).execute();
    },

    async appointmentsAwaitingAttendance(endedBefore, limit) {
      const rows = await db
        .selectFrom('appointments')
        .select(['id', 'status', 'version', 'patient_id'])
        .where('attendance', 'is', null)
        .where('status', 'in', ['booked', 'arrived'])
        .where('end_at', '<', endedBefore)
        .orderBy('end_at')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ id: r.id, status: r.status, version: r.version, patientId: r.patient_id }));
    },

    async listUnconfirmed({ from, to }) {
      const rows = await sql<{ id: string; patient_id: string; start_at: Date; service_id: string; practitioner_id: string; sent: number }>`
        SELECT a.id, a.patient_id, a.start_at, a.service_id, a.practitioner_id,
          (SELECT count(*) FROM reminders r WHERE r.subject_id = a.id AND r.state = 'sent') AS sent
        FROM appointments a
        WHERE a.status = 'booked' AND a.confirmed_at IS NULL AND a.start_at >= ${from} AND a.start_at < ${to}
        ORDER BY a.start_at`.execute(db);
      return rows.rows.map((r) => ({ appointmentId: r.id, patientId: r.patient_id, start: new Date(r.start_at), serviceId: r.service_id, practitionerId: r.practitioner_id, remindersSent: Number(r.sent) }));
    },

    async noShowRateByReminderOutcome({ from, to }) {
      // Each appointment counts once, under its most telling reminder outcome.
      const rows = await sql<{ outcome: string; appointments: number; no_shows: number }>`
        WITH per_appointment AS (
          SELECT a.id, a.attendance,
            CASE
              WHEN bool_or(r.outcome = 'confirmed') THEN 'confirmed'
              WHEN bool_or(r.outcome IS NOT NULL) THEN 'answered_other'
              WHEN bool_or(r.state = 'sent') THEN 'sent_no_answer'
              ELSE 'no_reminder'
            END AS outcome
          FROM appointments a
          LEFT JOIN reminders r ON r.subject_id = a.id AND r.kind = 'appointment'
          WHERE a.start_at >= ${from} AND a.start_at < ${to} AND a.attendance IS NOT NULL
          GROUP BY a.id, a.attendance
        )
        SELECT outcome, count(*) AS appointments, count(*) FILTER (WHERE attendance = 'no_show') AS no_shows
        FROM per_appointment GROUP BY outcome ORDER BY outcome`.execute(db);
      return rows.rows.map((r) => {
        const appointments = Number(r.appointments);
        const noShows = Number(r.no_shows);
        return { outcome: r.outcome, appointments, noShows, rate: appointments === 0 ? 0 : noShows / appointments };
      });
    },

    async patientLanguage(patientId) {
      const row = await db.selectFrom('patients').select('language').where('id', '=', patientId).executeTakeFirst();
      const language = row?.language ?? null;
      return language !== null && (supportedLanguages as readonly string[]).includes(language) ? (language as Language) : undefined;
    },
  };
}
