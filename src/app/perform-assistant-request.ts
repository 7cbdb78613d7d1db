import { DateTime } from 'luxon';
import type { AssistantRequest, RequestResult, SlotOption } from '../core/assistant/effects.ts';
import type { ClinicConfig } from '../core/clinic/clinic-config.ts';
import { DomainError } from '../core/domain-error.ts';
import type { AvailableSlot } from '../core/scheduling/find-availability.ts';
import { cancelAppointment } from './cancel-appointment.ts';
import { confirmBooking } from './confirm-booking.ts';
import { findPatientSlots } from './find-patient-slots.ts';
import { holdSlot } from './hold-slot.ts';
import { listPatientAppointments } from './list-patient-appointments.ts';
import { rescheduleAppointment } from './reschedule-appointment.ts';
import type { Clock, Transactor } from './ports.ts';

type Deps = { tx: Transactor; clock: Clock; clinic: ClinicConfig };

const toOption = (slot: Pick<AvailableSlot, 'practitionerId' | 'start'>): SlotOption => ({ practitionerId: slot.practitionerId, start: new Date(slot.start).getTime() });

function alternativesOf(error: DomainError): SlotOption[] {
  const alternatives = error.details['alternatives'];
  return Array.isArray(alternatives) ? (alternatives as AvailableSlot[]).map(toOption) : [];
}

/**
 * Answers what the booking flow asked for (availability, hold, book, list, cancel) through the
 * booking use cases, each in its own short transaction, outside the conversation's lock.
 */
export async function performAssistantRequest(deps: Deps, patientId: string, request: AssistantRequest): Promise<RequestResult> {
  switch (request.type) {
    case 'availability': {
      const from = request.day === undefined ? undefined : DateTime.fromISO(request.day, { zone: deps.clinic.clinic.timeZone }).startOf('day').toJSDate();
      const slots = await findPatientSlots(deps, { serviceId: request.serviceId, practitionerId: 'any', patientId, ...(from === undefined ? {} : { from, days: 1 }) });
      return { type: 'availability', slots: slots.map(toOption) };
    }
    case 'hold':
      try {
        const hold = await holdSlot(deps, { patientId, serviceId: request.serviceId, practitionerId: request.practitionerId, start: new Date(request.start) });
        return { type: 'hold', ok: true, holdId: hold.id };
      } catch (error) {
        if (error instanceof DomainError && error.code === 'slot_unavailable') return { type: 'hold', ok: false, alternatives: alternativesOf(error) };
        throw error;
      }
    case 'book':
      try {
        if (request.rescheduleOf !== undefined) {
          // A reminder's Reschedule: the new slot replaces the appointment (its cut-off applies).
          const { appointment } = await rescheduleAppointment(deps, { appointmentId: request.rescheduleOf, actor: { type: 'patient', patientId }, practitionerId: request.practitionerId, start: new Date(request.start) });
          return { type: 'book', ok: true, status: appointment.status === 'pending' ? 'pending' : 'booked' };
        }
        const { appointment } = await confirmBooking(deps, {
          patientId,
          serviceId: request.serviceId,
          practitionerId: request.practitionerId,
          start: new Date(request.start),
          ...(request.holdId === undefined ? {} : { holdId: request.holdId }),
        });
        return { type: 'book', ok: true, status: appointment.status === 'pending' ? 'pending' : 'booked' };
      } catch (error) {
        if (error instanceof DomainError && error.code === 'slot_unavailable') return { type: 'book', ok: false, alternatives: alternativesOf(error) };
        if (request.rescheduleOf !== undefined && error instanceof DomainError && ['cancellation_cutoff', 'conflict', 'not_found'].includes(error.code)) return { type: 'book', ok: false, alternatives: [] };
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
        if (error instanceof DomainError && error.code === 'cancellation_cutoff') return { type: 'cancel', ok: false, reason: 'cutoff' };
        // Gone, or no longer cancellable (already attended or marked no-show).
        if (error instanceof DomainError && (error.code === 'not_found' || error.code === 'conflict')) return { type: 'cancel', ok: false, reason: 'not_found' };
        throw error;
      }
  }
}
