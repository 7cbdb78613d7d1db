import type { ClinicConfig, Language } from '../core/clinic/clinic-config.ts';
import { buildCalendar } from '../core/scheduling/build-calendar.ts';
import { toCalendarEvent } from '../core/scheduling/to-calendar-event.ts';
import type { AppointmentRecord, Clock, MediaStorage } from './ports.ts';

/** The domain in calendar event ids (UID): events of one appointment replace each other. */
export const calendarUidDomain = 'hale.appointments';

/**
 * Writes the patient's .ics file of an appointment to the (encrypted) media storage and returns
 * its key; the chat sends it as a document through the usual media upload.
 */
export async function storeAppointmentCalendar(
  deps: { clinic: ClinicConfig; clock: Clock; storage: Pick<MediaStorage, 'put'> },
  appointment: AppointmentRecord,
  language: Language | undefined,
): Promise<string> {
  const text = buildCalendar([toCalendarEvent(deps.clinic, appointment, { ...(language === undefined ? {} : { language }), audience: 'patient', uidDomain: calendarUidDomain })], {
    stamp: deps.clock.now(),
  });
  const key = `calendar/${appointment.id}-v${appointment.version}`;
  await deps.storage.put(key, new TextEncoder().encode(text));
  return key;
}
