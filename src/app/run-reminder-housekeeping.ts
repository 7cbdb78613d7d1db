import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import { expandDoseTimes } from '../core/reminders/expand-dose-times.ts';
import type { Clock, Logger, Repositories, Transactor } from './ports.ts';
import type { MedicationPlanRecord } from './reminder-ports.ts';
import { planVisitSurvey } from './plan-visit-survey.ts';

/** Dose prompts are planned this far ahead, topped up when less than `REFILL_MS` remain. */
const PLAN_AHEAD_MS = 48 * 3_600_000;
const REFILL_MS = 24 * 3_600_000;

type Deps = { tx: Transactor; clock: Clock; clinic: ClinicConfig; log: Logger };

/**
 * Periodic reminder work, safe to run in every process at once: plans the next dose prompts of
 * active medication plans (wall-clock times in the plan's zone), marks doses not answered in time
 * as missed and alerts staff after N missed in a row, and applies the attendance rule to
 * appointments that ended (booked → no-show, arrived → fulfilled/attended).
 */
export async function runReminderHousekeeping(deps: Deps): Promise<{ dosesPlanned: number; dosesMissed: number; attendanceRecorded: number }> {
  const now = deps.clock.now();
  const settings = deps.clinic.reminders;

  const dosesPlanned = await deps.tx.run(async (repos) => {
    let planned = 0;
    for (const plan of await repos.carePlans.plansToExtend(new Date(now.getTime() + REFILL_MS), 50)) planned += await planDoses(repos, plan, now);
    return planned;
  });

  const dosesMissed = await deps.tx.run(async (repos) => {
    const plans = await repos.carePlans.markMissedDoses(new Date(now.getTime() - settings.doseAnswerWindowMinutes * 60_000));
    for (const planId of plans) {
      const plan = await repos.carePlans.findMedicationPlan(planId);
      const run = await repos.carePlans.missedInARow(planId);
      if (plan === undefined || run.count < settings.missedDosesAlertAfter || run.firstDoseId === undefined) continue;
      // One alert per run of missed doses (keyed by its first dose).
      const created = await repos.reminders.alert({ kind: 'missed_doses', dedupeKey: `missed_doses:${planId}:${run.firstDoseId}`, patientId: plan.patientId, subjectId: planId, detail: { inARow: run.count } }, now);
      if (created) deps.log.warn({ planId, patientId: plan.patientId, inARow: run.count }, 'reminders.missed_doses_alert');
    }
    return plans.length;
  });

  const attendanceRecorded = await deps.tx.run(async (repos) => {
    let recorded = 0;
    for (const a of await repos.carePlans.appointmentsAwaitingAttendance(new Date(now.getTime() - settings.noShowAfterMinutes * 60_000), 100)) {
      const status = a.status === 'arrived' ? 'fulfilled' : 'noshow';
      const changed = await repos.appointments.changeStatus(a.id, { status, expectedVersion: a.version, at: now });
      if (changed === undefined) continue;
      const attendance = status === 'fulfilled' ? 'attended' : 'no_show';
      await repos.carePlans.setAttendance(a.id, attendance, 'rule', now);
      await repos.audit.append({ actorType: 'system', action: `appointment.${attendance}`, entityType: 'Appointment', entityId: a.id, patientId: a.patientId, outcome: 'success', detail: { rule: 'after_end' } }, now);
      // Checked in and the visit is over: the feedback survey too (ADR 13).
      await planVisitSurvey(repos, deps.clinic, changed, now);
      recorded += 1;
    }
    return recorded;
  });
  return { dosesPlanned, dosesMissed, attendanceRecorded };
}

/** Plans a medication plan's dose prompts up to 48 hours ahead (each dose once: plan + time is unique). */
export async function planDoses(repos: Repositories, plan: MedicationPlanRecord, now: Date): Promise<number> {
  const from = plan.plannedUntil !== undefined && plan.plannedUntil.getTime() > now.getTime() ? plan.plannedUntil : now;
  const to = new Date(now.getTime() + PLAN_AHEAD_MS);
  const times = expandDoseTimes({ times: plan.times, daysOfWeek: plan.daysOfWeek, startDate: plan.startDate, endDate: plan.endDate, zone: plan.timeZone }, { from, to });
  const doses = await repos.carePlans.insertDoses(plan.id, plan.patientId, times.map((t) => ({ at: t.at, localTime: t.localTime })), to);
  return repos.reminders.plan(
    doses.map((d) => ({ key: `dose:${d.id}`, patientId: plan.patientId, kind: 'medication_dose', subjectId: d.id, dueAt: d.scheduledAt })),
    now,
  );
}
