/**
 * The patient panel's care section for staff (issue 6 and 7): medication plans, follow-up and
 * screening reminders, the patient's time zone, open staff alerts and unconfirmed
 * appointments. Creating and stopping plans goes through the reminder use cases (which plan
 * and audit); every read of PHI here and every change writes an audit row too.
 */
import { DateTime } from 'luxon';
import type { ClinicConfig } from '../../core/clinic/clinic-config.ts';
import { DomainError } from '../../core/domain-error.ts';
import { createFollowUp } from '../create-follow-up.ts';
import { createMedicationPlan, stopMedicationPlan, type CreateMedicationPlanInput } from '../create-medication-plan.ts';
import type { AuditEntry, Clock, Transactor } from '../ports.ts';
import type { StaffPrincipal, StaffTransactor } from './staff-ports.ts';

export interface PatientCareDeps {
  staffTx: StaffTransactor;
  tx: Transactor;
  clock: Clock;
  clinic: ClinicConfig;
}

const ADHERENCE_DAYS = 14;
const actorOf = (p: StaffPrincipal): Pick<AuditEntry, 'actorType' | 'actorId'> =>
  p.userId !== undefined ? { actorType: 'staff', actorId: p.userId } : { actorType: 'integration', ...(p.tokenId === undefined ? {} : { actorId: p.tokenId }) };
const staffIdOf = (p: StaffPrincipal) => p.userId ?? `token:${p.tokenId ?? 'unknown'}`;

async function requirePatient(deps: PatientCareDeps, patientId: string): Promise<void> {
  if ((await deps.staffTx.direct((staff) => staff.patients.detail(patientId))) === undefined) throw new DomainError('not_found', 'patient not found');
}

export function isIanaZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+){0,2}$/.test(zone) && zone !== 'UTC') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function serviceName(clinic: ClinicConfig, serviceId: string | undefined): string | null {
  if (serviceId === undefined) return null;
  const service = clinic.departments.flatMap((d) => d.services).find((s) => s.id === serviceId);
  const name: unknown = service?.name;
  if (typeof name === 'string') return name;
  if (name !== null && typeof name === 'object') {
    const map = name as Record<string, string | undefined>;
    return map[clinic.languages.default] ?? Object.values(map).find((v) => v !== undefined) ?? serviceId;
  }
  return serviceId;
}

/** Medication plans (clinical roles only: `withMedication`) and follow-ups of a patient; audited. */
export async function viewPatientCare(deps: PatientCareDeps, principal: StaffPrincipal, patientId: string, options: { withMedication: boolean }) {
  const now = deps.clock.now();
  return deps.staffTx.run(async (staff, repos) => {
    const detail = await staff.patients.detail(patientId);
    if (detail === undefined) throw new DomainError('not_found', 'patient not found');
    const plans = options.withMedication ? await staff.carePlans.medicationPlans(detail.id, new Date(now.getTime() - ADHERENCE_DAYS * 86_400_000)) : [];
    const followUps = await staff.carePlans.followUps(detail.id);
    await repos.audit.append({ ...actorOf(principal), action: 'care_plans.viewed', entityType: 'CarePlan', entityId: detail.id, patientId: detail.id, outcome: 'success', detail: { medicationPlans: plans.length, followUps: followUps.length } }, now);
    return {
      timeZone: detail.timeZone ?? null,
      clinicTimeZone: deps.clinic.clinic.timeZone,
      medicationPlans: options.withMedication
        ? plans.map((p) => ({
            id: p.id,
            medication: p.medication,
            doseText: p.doseText,
            times: p.times,
            daysOfWeek: p.daysOfWeek,
            startDate: p.startDate,
            endDate: p.endDate ?? null,
            timeZone: p.timeZone,
            runsOutOn: p.runsOutOn ?? null,
            state: p.state,
            createdAt: p.createdAt.toISOString(),
            doses: { taken: p.doses['taken'] ?? 0, skipped: p.doses['skipped'] ?? 0, missed: p.doses['missed'] ?? 0 },
          }))
        : null,
      followUps: followUps.map((f) => ({ id: f.id, kind: f.kind, serviceId: f.serviceId ?? null, serviceName: serviceName(deps.clinic, f.serviceId), dueOn: f.dueOn, note: f.note ?? null, state: f.state, createdAt: f.createdAt.toISOString() })),
    };
  });
}

/** A medication plan for the patient; times are in the patient's zone (else the clinic's). */
export async function createPatientMedicationPlan(deps: PatientCareDeps, principal: StaffPrincipal, patientId: string, input: Omit<CreateMedicationPlanInput, 'patientId' | 'staffId' | 'timeZone'>) {
  const detail = await deps.staffTx.direct((staff) => staff.patients.detail(patientId));
  if (detail === undefined) throw new DomainError('not_found', 'patient not found');
  const plan = await createMedicationPlan(deps, { ...input, patientId: detail.id, staffId: staffIdOf(principal), timeZone: detail.timeZone ?? deps.clinic.clinic.timeZone });
  return { id: plan.id, state: plan.state };
}

/** Stops one of the patient's plans (its pending dose prompts are cancelled). */
export async function stopPatientMedicationPlan(deps: PatientCareDeps, principal: StaffPrincipal, patientId: string, planId: string): Promise<void> {
  const owner = await deps.staffTx.direct((staff) => staff.carePlans.medicationPlanPatient(planId));
  if (owner === undefined || owner !== patientId) throw new DomainError('not_found', 'no such medication plan for this patient');
  await stopMedicationPlan(deps, { planId, staffId: staffIdOf(principal) });
}

export async function createPatientFollowUp(deps: PatientCareDeps, principal: StaffPrincipal, patientId: string, input: { kind: 'follow_up' | 'screening'; serviceId?: string | undefined; dueOn: string; note?: string | undefined }) {
  await requirePatient(deps, patientId);
  if (input.dueOn < DateTime.fromJSDate(deps.clock.now(), { zone: deps.clinic.clinic.timeZone }).toISODate()!) throw new DomainError('invalid_input', 'dueOn: must be today or later');
  const created = await createFollowUp(deps, {
    patientId,
    kind: input.kind,
    dueOn: input.dueOn,
    staffId: staffIdOf(principal),
    ...(input.serviceId === undefined ? {} : { serviceId: input.serviceId }),
    ...(input.note === undefined ? {} : { note: input.note }),
  });
  return { id: created.id, state: created.state };
}

/** Cancels a planned follow-up or screening reminder and its pending send. */
export async function cancelPatientFollowUp(deps: PatientCareDeps, principal: StaffPrincipal, patientId: string, followUpId: string): Promise<void> {
  const now = deps.clock.now();
  await deps.staffTx.run(async (staff, repos) => {
    const existing = (await staff.carePlans.followUps(patientId)).find((f) => f.id === followUpId);
    if (existing === undefined) throw new DomainError('not_found', 'no such follow-up for this patient');
    const cancelled = await staff.carePlans.cancelFollowUp(existing.id, now);
    if (cancelled === undefined) throw new DomainError('conflict', `this ${existing.kind === 'screening' ? 'screening' : 'follow-up'} is already ${existing.state}`);
    await repos.reminders.cancelForSubject(existing.id, 'follow_up_cancelled', now);
    await repos.audit.append({ ...actorOf(principal), action: `${existing.kind}.cancelled`, entityType: 'CarePlan', entityId: existing.id, patientId, outcome: 'success' }, now);
  });
}

/** The patient's own IANA zone for reminders and quiet hours (null: the clinic's). */
export async function setPatientTimeZone(deps: PatientCareDeps, principal: StaffPrincipal, patientId: string, timeZone: string | null): Promise<void> {
  const now = deps.clock.now();
  if (timeZone !== null && !isIanaZone(timeZone)) throw new DomainError('invalid_input', 'timeZone: an IANA time zone such as Europe/Berlin');
  await deps.staffTx.run(async (staff, repos) => {
    if (!(await staff.patients.setTimeZone(patientId, timeZone ?? undefined, now))) throw new DomainError('not_found', 'patient not found');
    await repos.audit.append({ ...actorOf(principal), action: 'patient.time_zone_set', entityType: 'Patient', entityId: patientId, patientId, outcome: 'success', detail: { timeZone: timeZone ?? 'clinic' } }, now);
  });
}

/** Open staff alerts (newest first) with the patient's name; the read is audited. */
export async function listStaffAlerts(deps: PatientCareDeps, principal: StaffPrincipal, limit: number) {
  const now = deps.clock.now();
  return deps.staffTx.run(async (staff, repos) => {
    const rows = await staff.alerts.listOpen(limit);
    const total = rows.length < limit ? rows.length : await staff.alerts.countOpen();
    await repos.audit.append({ ...actorOf(principal), action: 'staff_alerts.viewed', entityType: 'Flag', outcome: 'success', detail: { count: rows.length } }, now);
    return {
      total,
      items: rows.map((a) => ({
        id: a.id,
        kind: a.kind,
        patientId: a.patientId ?? null,
        patientName: a.patientName ?? null,
        conversationId: a.conversationId ?? null,
        detail: Object.fromEntries(Object.entries(a.detail).filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) as Record<string, string | number | boolean>,
        createdAt: a.createdAt.toISOString(),
      })),
    };
  });
}

export async function acknowledgeStaffAlert(deps: PatientCareDeps, principal: StaffPrincipal, alertId: string): Promise<void> {
  const now = deps.clock.now();
  await deps.staffTx.run(async (staff, repos) => {
    const done = await staff.alerts.acknowledge(alertId, staffIdOf(principal), now);
    if (done === undefined) throw new DomainError('not_found', 'no open alert with this id');
    await repos.audit.append({ ...actorOf(principal), action: 'staff_alert.acknowledged', entityType: 'Flag', entityId: alertId, ...(done.patientId === undefined ? {} : { patientId: done.patientId }), outcome: 'success', detail: { kind: done.kind } }, now);
  });
}

/** Booked appointments the patient has not confirmed, from now for `hours` (for staff to call). */
export async function listUnconfirmedForStaff(deps: PatientCareDeps, principal: StaffPrincipal, hours: number) {
  const now = deps.clock.now();
  const rows = await deps.tx.direct((repos) => repos.carePlans.listUnconfirmed({ from: now, to: new Date(now.getTime() + hours * 3_600_000) }));
  return deps.staffTx.run(async (staff, repos) => {
    const names = await staff.patients.names(rows.map((r) => r.patientId));
    await repos.audit.append({ ...actorOf(principal), action: 'appointments.unconfirmed_viewed', entityType: 'Appointment', outcome: 'success', detail: { count: rows.length, hours } }, now);
    return rows.map((r) => ({
      appointmentId: r.appointmentId,
      patientId: r.patientId,
      patientName: names.get(r.patientId) ?? null,
      start: r.start.toISOString(),
      serviceName: serviceName(deps.clinic, r.serviceId) ?? r.serviceId,
      practitionerName: deps.clinic.providers.find((p) => p.id === r.practitionerId)?.name ?? r.practitionerId,
      remindersSent: r.remindersSent,
    }));
  });
}
