import { DateTime } from 'luxon';
import type { AssistantRequest, BookedSlot, RequestResult, SlotOption } from '../core/assistant/effects.ts';
import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import { DomainError } from '../core/domain-error.ts';
import type { AvailableSlot } from '../core/scheduling/find-availability.ts';
import { answerResultsRequest, type ResultCodes } from './answer-results-request.ts';
import { answerWaitlistOffer } from './answer-waitlist-offer.ts';
import { cancelAppointment } from './cancel-appointment.ts';
import { confirmBooking } from './confirm-booking.ts';
import { findPatientSlots } from './find-patient-slots.ts';
import { holdSlot } from './hold-slot.ts';
import { joinWaitlist } from './join-waitlist.ts';
import { listPatientAppointments } from './list-patient-appointments.ts';
import type { AppointmentRecord, BusyTimeReader, Clock, Logger, MediaStorage, Transactor } from './ports.ts';
import { rescheduleAppointment } from './reschedule-appointment.ts';
import { storeAppointmentCalendar } from './store-appointment-calendar.ts';

type Deps = { tx: Transactor; clock: Clock; clinic: ClinicConfig; storage?: Pick<MediaStorage, 'put'>; log?: Pick<Logger, 'warn'>; busy?: BusyTimeReader; /** One-time codes of the results flow's identity check. */ codes?: ResultCodes };

const toOption = (slot: Pick<AvailableSlot, 'practitionerId' | 'start'>): SlotOption => ({ practitionerId: slot.practitionerId, start: new Date(slot.start).getTime() });

function alternativesOf(error: DomainError): SlotOption[] {
  const alternatives = error.details['alternatives'];
  return Array.isArray(alternatives) ? (alternatives as AvailableSlot[]).map(toOption) : [];
}

const isCode = (error: unknown, ...codes: string[]): error is DomainError => error instanceof DomainError && codes.includes(error.code);

/**
 * Answers what the booking flow asked for (availability, hold, book, list, cancel, move,
 * waitlist) through the booking use cases, each in its own short transaction, outside the
 * conversation's lock.
 */
export async function performAssistantRequest(deps: Deps, patientId: string, request: AssistantRequest): Promise<RequestResult> {
  switch (request.type) {
    case 'availability': {
      const from = request.day === undefined ? undefined : DateTime.fromISO(request.day, { zone: deps.clinic.clinic.timeZone }).startOf('day').toJSDate();
      const slots = await findPatientSlots(deps, { serviceId: request.serviceId, practitionerId: request.practitionerId ?? 'any', patientId, ...(from === undefined ? {} : { from, days: 1 }) });
      return { type: 'availability', slots: slots.map(toOption) };
    }
    case 'hold':
      try {
        const hold = await holdSlot(deps, { patientId, serviceId: request.serviceId, practitionerId: request.practitionerId, start: new Date(request.start) });
        return { type: 'hold', ok: true, holdId: hold.id };
      } catch (error) {
        if (isCode(error, 'slot_unavailable')) return { type: 'hold', ok: false, alternatives: alternativesOf(error) };
        throw error;
      }
    case 'book':
      try {
        const { appointment } = await confirmBooking(deps, {
          patientId,
          serviceId: request.serviceId,
          practitionerId: request.practitionerId,
          start: new Date(request.start),
          ...(request.holdId === undefined ? {} : { holdId: request.holdId }),
        });
        return { type: 'book', ok: true, ...(await bookedSlot(deps, patientId, appointment)) };
      } catch (error) {
        if (isCode(error, 'slot_unavailable')) return { type: 'book', ok: false, alternatives: alternativesOf(error) };
        throw error;
      }
    case 'appointments': {
      const items = await listPatientAppointments(deps, { patientId });
      return {
        type: 'appointments',
        items: items.map((a) => ({ id: a.id, serviceId: a.serviceId, practitionerId: a.practitionerId, start: a.start.getTime(), status: a.status })),
      };
    }
    case 'cancel':
      try {
        await cancelAppointment(deps, { appointmentId: request.appointmentId, actor: { type: 'patient', patientId }, reason: 'patient_request' });
        return { type: 'cancel', ok: true };
      } catch (error) {
        if (isCode(error, 'cancellation_cutoff')) return { type: 'cancel', ok: false, reason: 'cutoff' };
        // Gone, or no longer cancellable (already attended or marked no-show).
        if (isCode(error, 'not_found', 'conflict')) return { type: 'cancel', ok: false, reason: 'not_found' };
        throw error;
      }
    case 'reschedule':
      try {
        const { appointment } = await rescheduleAppointment(deps, {
          appointmentId: request.appointmentId,
          actor: { type: 'patient', patientId },
          practitionerId: request.practitionerId,
          start: new Date(request.start),
        });
        return { type: 'reschedule', ok: true, ...(await bookedSlot(deps, patientId, appointment)) };
      } catch (error) {
        if (isCode(error, 'slot_unavailable')) return { type: 'reschedule', ok: false, reason: 'taken', alternatives: alternativesOf(error) };
        if (isCode(error, 'cancellation_cutoff')) return { type: 'reschedule', ok: false, reason: 'cutoff' };
        if (isCode(error, 'not_found', 'conflict')) return { type: 'reschedule', ok: false, reason: 'not_found' };
        throw error;
      }
    case 'join_waitlist': {
      const from = deps.clock.now();
      const to = DateTime.fromJSDate(from, { zone: deps.clinic.clinic.timeZone }).plus({ days: request.days }).endOf('day').toJSDate();
      const entry = await joinWaitlist(deps, { patientId, serviceId: request.serviceId, practitionerId: request.practitionerId, from, to });
      return { type: 'join_waitlist', ok: true, until: entry.windowEnd.getTime() };
    }
    case 'waitlist_answer': {
      const answer = await answerWaitlistOffer(deps, { patientId, entryId: request.entryId, start: new Date(request.start), accept: request.accept });
      if (answer.outcome === 'booked') return { type: 'waitlist_answer', ok: true, accepted: true, ...(await bookedSlot(deps, patientId, answer.appointment)) };
      return answer.outcome === 'declined' ? { type: 'waitlist_answer', ok: true, accepted: false } : { type: 'waitlist_answer', ok: false };
    }
    case 'refill_options':
      return { type: 'refill_options', plans: await deps.tx.run((repos) => repos.refills.activePlans(patientId)) };
    case 'results_start':
    case 'results_birth_date':
    case 'results_code':
      if (deps.codes === undefined) throw new Error('the results flow needs one-time codes (deps.codes)');
      return answerResultsRequest({ tx: deps.tx, clock: deps.clock, codes: deps.codes }, patientId, request);
  }
}

/** The booked appointment for the chat, with its calendar file (best effort: a booking never fails for it). */
async function bookedSlot(deps: Deps, patientId: string, appointment: AppointmentRecord): Promise<BookedSlot> {
  const slot: BookedSlot = {
    appointmentId: appointment.id,
    serviceId: appointment.serviceId,
    practitionerId: appointment.practitionerId,
    start: appointment.start.getTime(),
    status: appointment.status === 'pending' ? 'pending' : 'booked',
  };
  if (deps.storage === undefined || appointment.status !== 'booked') return slot;
  try {
    const patient = await deps.tx.run((repos) => repos.patients.get(patientId));
    return { ...slot, calendarKey: await storeAppointmentCalendar({ clinic: deps.clinic, clock: deps.clock, storage: deps.storage }, appointment, patient.language) };
  } catch (error) {
    deps.log?.warn({ appointmentId: appointment.id, err: error instanceof Error ? error.message : String(error) }, 'calendar.store_failed');
    return slot;
  }
}
