/**
 * The patient panel, patient search over encrypted columns (keyed hashes of name words and the
 * number: the database never sees a name), and the day list per practitioner. Every read of a
 * patient's record and every change by staff writes an audit row.
 */
import { DateTime } from 'luxon';
import type { ClinicConfig } from '../../core/clinic/clinic-config.ts';
import { planVisitSurvey } from '../plan-visit-survey.ts';
import { DomainError } from '../../core/domain-error.ts';
import { canChangeStatus, type AppointmentStatus } from '../../core/scheduling/appointment-status.ts';
import { toNameTerms, toPhoneTerms, toQueryTerms } from '../../core/staff/search-terms.ts';
import { confirmBooking } from '../confirm-booking.ts';
import { findPatientSlots } from '../find-patient-slots.ts';
import type { AppointmentRecord, AuditEntry, Cipher, Clock, Transactor } from '../ports.ts';
import type { StaffPrincipal, StaffTransactor } from './staff-ports.ts';

export interface PatientDeps {
  staffTx: StaffTransactor;
  tx: Transactor;
  clock: Clock;
  clinic: ClinicConfig;
  cipher: Pick<Cipher, 'blindIndex'>;
}

const SEARCH_PURPOSE = 'patient_search';
const actorOf = (p: StaffPrincipal): Pick<AuditEntry, 'actorType' | 'actorId'> =>
  p.userId !== undefined ? { actorType: 'staff', actorId: p.userId } : { actorType: 'integration', ...(p.tokenId === undefined ? {} : { actorId: p.tokenId }) };

function appointmentItem(clinic: ClinicConfig, a: AppointmentRecord, patientName: string | undefined) {
  const practitioner = clinic.providers.find((p) => p.id === a.practitionerId);
  const service = clinic.departments.flatMap((d) => d.services).find((s) => s.id === a.serviceId);
  return {
    id: a.id,
    patientId: a.patientId,
    patientName: patientName ?? null,
    practitionerId: a.practitionerId,
    practitionerName: practitioner?.name ?? a.practitionerId,
    serviceId: a.serviceId,
    serviceName: nameOf(service?.name, clinic.languages.default) ?? a.serviceId,
    start: a.start.toISOString(),
    end: a.end.toISOString(),
    status: a.status,
    mode: a.mode,
    bookedVia: a.bookedVia,
  };
}

function nameOf(name: unknown, language: string): string | undefined {
  if (typeof name === 'string') return name;
  if (name !== null && typeof name === 'object') {
    const map = name as Record<string, string | undefined>;
    return map[language] ?? Object.values(map).find((v) => v !== undefined);
  }
  return undefined;
}

export async function viewPatient(deps: PatientDeps, principal: StaffPrincipal, patientId: string) {
  const now = deps.clock.now();
  return deps.staffTx.run(async (staff, repos) => {
    const detail = await staff.patients.detail(patientId);
    if (detail === undefined) throw new DomainError('not_found', 'patient not found');
    const appointments = await staff.patients.appointments(detail.id);
    await repos.audit.append({ ...actorOf(principal), action: 'patient.viewed', entityType: 'Patient', entityId: detail.id, patientId: detail.id, outcome: 'success' }, now);
    return {
      id: detail.id,
      name: detail.fullName ?? null,
      profileName: detail.profileName ?? null,
      birthDate: detail.birthDate ?? null,
      phone: detail.phone === undefined ? null : `+${detail.phone}`,
      language: detail.language ?? null,
      consent: detail.consent === undefined ? null : { decision: detail.consent.decision, policyVersion: detail.consent.policyVersion, at: detail.consent.at.toISOString() },
      optedOut: detail.optedOut,
      lastInboundAt: detail.lastInboundAt?.toISOString() ?? null,
      conversationId: detail.conversationId ?? null,
      timeZone: detail.timeZone ?? null,
      appointments: appointments.map((a) => appointmentItem(deps.clinic, a, detail.fullName ?? detail.profileName)),
    };
  });
}

/** Brings the search index up to date for patients whose details changed (bounded per call). */
export async function refreshPatientSearchIndex(deps: PatientDeps, limit = 500): Promise<number> {
  return deps.staffTx.run(async (staff) => {
    const ids = await staff.patients.needingIndex(limit);
    for (const id of ids) {
      const detail = await staff.patients.detail(id);
      if (detail === undefined) continue;
      const terms = [...toNameTerms(detail.fullName ?? ''), ...toNameTerms(detail.profileName ?? ''), ...toPhoneTerms(detail.phone ?? '')];
      await staff.patients.indexTerms(id, terms.map((t) => deps.cipher.blindIndex(SEARCH_PURPOSE, t)));
    }
    return ids.length;
  });
}

/** Patients by name words (all must match, accents and case ignored) or by number. */
export async function searchPatients(deps: PatientDeps, principal: StaffPrincipal, query: string) {
  const now = deps.clock.now();
  await refreshPatientSearchIndex(deps);
  const terms = toQueryTerms(query);
  if (terms.length === 0) throw new DomainError('invalid_input', 'type at least two letters of a name, or a phone number');
  return deps.staffTx.run(async (staff, repos) => {
    const ids = await staff.patients.search(terms.map((t) => deps.cipher.blindIndex(SEARCH_PURPOSE, t)), 20);
    const hits = [];
    for (const id of ids) {
      const d = await staff.patients.detail(id);
      if (d !== undefined) hits.push({ id: d.id, name: d.fullName ?? d.profileName ?? null, phone: d.phone === undefined ? null : `+${d.phone}`, conversationId: d.conversationId ?? null });
    }
    await repos.audit.append({ ...actorOf(principal), action: 'patient.searched', entityType: 'Patient', outcome: 'success', detail: { hits: hits.length } }, now);
    return hits;
  });
}

/** The day's appointments in the clinic's time zone, per practitioner (or all). */
export async function dayList(deps: PatientDeps, principal: StaffPrincipal, input: { date: string; practitionerId: string | undefined }) {
  const now = deps.clock.now();
  const zone = deps.clinic.clinic.timeZone;
  const day = DateTime.fromISO(input.date, { zone });
  if (!day.isValid) throw new DomainError('invalid_input', 'date must be YYYY-MM-DD');
  const from = day.startOf('day').toJSDate();
  const to = day.plus({ days: 1 }).startOf('day').toJSDate();
  return deps.staffTx.run(async (staff, repos) => {
    const rows = await staff.appointments.between(from, to, input.practitionerId);
    await repos.audit.append({ ...actorOf(principal), action: 'appointments.day_list_viewed', entityType: 'Appointment', outcome: 'success', detail: { date: input.date, practitionerId: input.practitionerId ?? null, count: rows.length } }, now);
    return {
      date: input.date,
      timeZone: zone,
      practitioners: deps.clinic.providers.map((p) => ({ id: p.id, name: p.name })),
      appointments: rows.map((a) => appointmentItem(deps.clinic, a, a.patientName)),
    };
  });
}

/** Arrived / no-show / seen, marked from the day list. */
export async function markAppointment(deps: PatientDeps, principal: StaffPrincipal, appointmentId: string, status: Extract<AppointmentStatus, 'arrived' | 'noshow' | 'fulfilled'>): Promise<void> {
  const now = deps.clock.now();
  if (!/^[0-9a-f-]{36}$/i.test(appointmentId)) throw new DomainError('not_found', 'appointment not found');
  await deps.staffTx.run(async (_staff, repos) => {
    const appointment = await repos.appointments.lock(appointmentId);
    if (appointment === undefined) throw new DomainError('not_found', 'appointment not found');
    if (!canChangeStatus(appointment.status, status)) throw new DomainError('conflict', `an appointment that is ${appointment.status} cannot become ${status}`);
    const changed = await repos.appointments.changeStatus(appointment.id, { status, expectedVersion: appointment.version, at: now });
    if (changed === undefined) throw new DomainError('conflict', 'the appointment changed meanwhile; reload');
    await repos.audit.append({ ...actorOf(principal), action: `appointment.${status}`, entityType: 'Appointment', entityId: appointment.id, patientId: appointment.patientId, outcome: 'success', detail: { from: appointment.status } }, now);
    // Visit feedback (ADR 13): marked attended from the staff app too.
    await planVisitSurvey(repos, deps.clinic, changed, now);
  });
}

/** Services and who offers them, for booking on a patient's behalf. */
export function bookingOptions(clinic: ClinicConfig) {
  return {
    services: clinic.departments.flatMap((department) =>
      department.services.map((service) => ({
        id: service.id,
        name: nameOf(service.name, clinic.languages.default) ?? service.id,
        practitioners: clinic.providers
          .filter((p) => (p.services === undefined ? p.departments.includes(department.id) : p.services.includes(service.id)))
          .map((p) => ({ id: p.id, name: p.name })),
      })),
    ),
  };
}

/** The next free slots of a service (one practitioner or any), for staff booking. */
export async function findSlotsForStaff(deps: PatientDeps, input: { patientId: string; serviceId: string; practitionerId: string; limit: number }) {
  if (!bookingOptions(deps.clinic).services.some((s) => s.id === input.serviceId)) throw new DomainError('invalid_input', `unknown service "${input.serviceId}"`);
  if ((await deps.staffTx.run((staff) => staff.patients.detail(input.patientId))) === undefined) throw new DomainError('not_found', 'patient not found');
  const slots = await findPatientSlots({ tx: deps.tx, clock: deps.clock, clinic: deps.clinic }, { serviceId: input.serviceId, practitionerId: input.practitionerId, patientId: input.patientId, days: 14 });
  return slots.slice(0, input.limit).map((slot) => ({
    practitionerId: slot.practitionerId,
    practitionerName: deps.clinic.providers.find((p) => p.id === slot.practitionerId)?.name ?? slot.practitionerId,
    start: slot.start.toISOString(),
    end: slot.end.toISOString(),
  }));
}

/** Staff book for the patient (front desk, phone call): the same guard and audit as a chat booking. */
export async function bookForPatient(deps: PatientDeps, principal: StaffPrincipal, patientId: string, input: { serviceId: string; practitionerId: string; start: string }) {
  const detail = await deps.staffTx.run((staff) => staff.patients.detail(patientId));
  if (detail === undefined) throw new DomainError('not_found', 'patient not found');
  const staffId = principal.userId ?? `token:${principal.tokenId ?? ''}`;
  const { appointment } = await confirmBooking({ tx: deps.tx, clock: deps.clock, clinic: deps.clinic }, { patientId: detail.id, serviceId: input.serviceId, practitionerId: input.practitionerId, start: new Date(input.start), staffId });
  return appointmentItem(deps.clinic, appointment, detail.fullName ?? detail.profileName);
}
