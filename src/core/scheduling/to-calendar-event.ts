import type { ClinicConfig, Language } from '../clinic/clinic-config.ts';
import type { AppointmentStatus } from './appointment-status.ts';
import type { CalendarEvent } from './build-calendar.ts';

/**
 * An appointment as a calendar event: "<service> – <clinic>" at the clinic's address (video
 * calls: no address), with the provider in the description. `audience: 'provider'` leaves the
 * patient out entirely (feeds behind a URL must not carry PHI): only the service and status.
 */
export function toCalendarEvent(
  config: ClinicConfig,
  appointment: { id: string; serviceId: string; practitionerId: string; start: Date; end: Date; status: AppointmentStatus; mode: 'in_person' | 'video'; version: number },
  options: { language?: Language; audience: 'patient' | 'provider'; uidDomain: string },
): CalendarEvent {
  const lang = options.language ?? config.languages.default;
  const service = config.departments.flatMap((d) => d.services).find((s) => s.id === appointment.serviceId);
  const serviceName = service === undefined ? appointment.serviceId : (service.name[lang] ?? service.name[config.languages.default] ?? appointment.serviceId);
  const practitioner = config.providers.find((p) => p.id === appointment.practitionerId)?.name ?? appointment.practitionerId;
  const status = appointment.status === 'cancelled' || appointment.status === 'noshow' ? 'CANCELLED' : appointment.status === 'pending' || appointment.status === 'proposed' ? 'TENTATIVE' : 'CONFIRMED';
  const location = appointment.mode === 'video' ? undefined : config.clinic.address;
  return {
    uid: `${appointment.id}@${options.uidDomain}`,
    start: appointment.start,
    end: appointment.end,
    title: options.audience === 'patient' ? `${serviceName} – ${config.clinic.name}` : serviceName,
    ...(options.audience === 'patient' ? { description: [practitioner, config.clinic.phone].filter((x) => x !== undefined).join('\n') } : {}),
    ...(location === undefined ? {} : { location }),
    status,
    sequence: appointment.version,
  };
}
