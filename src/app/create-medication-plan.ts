import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import { DomainError } from '../core/domain-error.ts';
import { addDays, atLocalTime } from '../core/reminders/expand-dose-times.ts';
import { isQuietTime } from '../core/reminders/quiet-hours.ts';
import type { Clock, Transactor } from './ports.ts';
import type { MedicationPlanRecord } from './reminder-ports.ts';
import { planDoses } from './run-reminder-housekeeping.ts';

export interface CreateMedicationPlanInput {
  patientId: string;
  medication: string;
  /** What the patient reads at each dose, e.g. "1 tablet with water". */
  doseText: string;
  /** Local wall-clock times, e.g. ["08:00", "20:00"]. */
  times: string[];
  /** ISO weekdays 1 (Monday) … 7 (Sunday); default every day. */
  daysOfWeek?: number[];
  startDate: string;
  endDate?: string;
  /** IANA zone of the times; default the clinic's. */
  timeZone?: string;
  /** The day the supply runs out: a refill reminder goes out `refillDaysBefore` days earlier. */
  runsOutOn?: string;
  refillDaysBefore?: number;
  staffId: string;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Staff create a medication plan for a patient (the staff API calls this). Dose prompts are
 * planned 48 hours ahead at once (then kept topped up by housekeeping); a refill reminder is
 * planned for `runsOutOn − refillDaysBefore` at the clinic's refill reminder time. Dose times
 * inside quiet hours are refused: such a prompt could never be sent on time.
 */
export async function createMedicationPlan(deps: { tx: Transactor; clock: Clock; clinic: ClinicConfig }, input: CreateMedicationPlanInput): Promise<MedicationPlanRecord> {
  const now = deps.clock.now();
  const zone = input.timeZone ?? deps.clinic.clinic.timeZone;
  const days = input.daysOfWeek ?? [1, 2, 3, 4, 5, 6, 7];
  const problems: string[] = [];
  if (input.medication.trim() === '') problems.push('medication: required');
  if (input.doseText.trim() === '') problems.push('doseText: required');
  if (input.times.length === 0 || input.times.length > 12 || !input.times.every((t) => TIME.test(t))) problems.push('times: 1–12 local times like 08:00');
  if (days.length === 0 || !days.every((d) => Number.isInteger(d) && d >= 1 && d <= 7)) problems.push('daysOfWeek: ISO weekdays 1 (Monday) to 7 (Sunday)');
  for (const [field, value] of [['startDate', input.startDate], ['endDate', input.endDate], ['runsOutOn', input.runsOutOn]] as const) {
    if (value !== undefined && !DATE.test(value)) problems.push(`${field}: a date like 2026-12-01`);
  }
  if (input.endDate !== undefined && input.endDate < input.startDate) problems.push('endDate: must not be before startDate');
  if (!validZone(zone)) problems.push('timeZone: an IANA time zone such as Europe/Madrid');
  if (problems.length === 0) {
    const quiet = input.times.filter((t) => isQuietTime(atLocalTime(input.startDate, t, zone), zone, deps.clinic.reminders.quietHours));
    if (quiet.length > 0) problems.push(`times: ${quiet.join(', ')} fall in quiet hours (${deps.clinic.reminders.quietHours.start}–${deps.clinic.reminders.quietHours.end}); no reminder may be sent then`);
  }
  if (problems.length > 0) throw new DomainError('invalid_input', problems.join('; '), { problems: problems.length });

  return deps.tx.run(async (repos) => {
    await repos.patients.get(input.patientId);
    const refillDaysBefore = input.refillDaysBefore ?? deps.clinic.reminders.refillDaysBefore;
    const plan = await repos.carePlans.createMedicationPlan(
      {
        patientId: input.patientId,
        medication: input.medication.trim(),
        doseText: input.doseText.trim(),
        times: [...new Set(input.times)].sort(),
        daysOfWeek: [...new Set(days)].sort(),
        startDate: input.startDate,
        endDate: input.endDate,
        timeZone: zone,
        runsOutOn: input.runsOutOn,
        refillDaysBefore: input.runsOutOn === undefined ? undefined : refillDaysBefore,
        staffId: input.staffId,
      },
      now,
    );
    await planDoses(repos, plan, now);
    if (plan.runsOutOn !== undefined) {
      const dueAt = atLocalTime(addDays(plan.runsOutOn, -refillDaysBefore), deps.clinic.reminders.refillReminderTime, zone);
      await repos.reminders.plan([{ key: `refill:${plan.id}:${plan.runsOutOn}`, patientId: plan.patientId, kind: 'refill', subjectId: plan.id, dueAt: dueAt.getTime() < now.getTime() ? now : dueAt }], now);
    }
    await repos.audit.append({ actorType: 'staff', actorId: input.staffId, action: 'medication_plan.created', entityType: 'MedicationRequest', entityId: plan.id, patientId: plan.patientId, outcome: 'success', detail: { times: plan.times.length, refill: plan.runsOutOn !== undefined } }, now);
    return plan;
  });
}

/** Stops a plan: its pending doses and planned prompts are cancelled. */
export async function stopMedicationPlan(deps: { tx: Transactor; clock: Clock }, input: { planId: string; staffId: string }): Promise<void> {
  const now = deps.clock.now();
  await deps.tx.run(async (repos) => {
    const plan = await repos.carePlans.findMedicationPlan(input.planId);
    if (plan === undefined) throw new DomainError('not_found', 'no such medication plan', { planId: input.planId });
    await repos.carePlans.stopMedicationPlan(plan.id, now);
    await repos.reminders.cancelForSubject(plan.id, 'plan_stopped', now);
    await repos.audit.append({ actorType: 'staff', actorId: input.staffId, action: 'medication_plan.stopped', entityType: 'MedicationRequest', entityId: plan.id, patientId: plan.patientId, outcome: 'success' }, now);
  });
}
