/**
 * iCalendar (RFC 5545) text for appointments, made with the `ics` library: one event for the
 * patient's confirmation, or a provider's feed. Pure: every value (uid, times, the DTSTAMP) is
 * passed in; times are written in UTC, which every calendar shows in its user's own zone.
 */
import { createEvents, type EventAttributes } from 'ics';

export interface CalendarEvent {
  /** Stable across changes of the same appointment, so calendars update instead of duplicating. */
  uid: string;
  start: Date;
  end: Date;
  title: string;
  description?: string;
  location?: string;
  status: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  /** Increases with every change of the event (RFC 5545 SEQUENCE). */
  sequence: number;
}

export function buildCalendar(events: readonly CalendarEvent[], options: { stamp: Date; calendarName?: string }): string {
  const attributes = events.map(
    (e) =>
      ({
        uid: e.uid,
        start: e.start.getTime(),
        startInputType: 'utc',
        startOutputType: 'utc',
        end: e.end.getTime(),
        endInputType: 'utc',
        endOutputType: 'utc',
        title: e.title,
        ...(e.description === undefined ? {} : { description: e.description }),
        ...(e.location === undefined ? {} : { location: e.location }),
        status: e.status,
        sequence: e.sequence,
        busyStatus: e.status === 'CANCELLED' ? 'FREE' : 'BUSY',
        // DTSTAMP: the library would take the clock; core passes it in.
        timestamp: options.stamp.getTime(),
      }) as EventAttributes,
  );
  const header = { productId: 'hale/appointments', method: 'PUBLISH', ...(options.calendarName === undefined ? {} : { calName: options.calendarName }) };
  // An empty feed is a valid calendar too (the library refuses an empty list).
  if (attributes.length === 0) return emptyCalendar(header);
  const { error, value } = createEvents(attributes, header);
  if (error !== null || value === null) throw new Error(`calendar could not be built: ${error?.message ?? 'no output'}`);
  return value;
}

function emptyCalendar(header: { productId: string; method: string; calName?: string }): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'CALSCALE:GREGORIAN', `PRODID:${header.productId}`, `METHOD:${header.method}`];
  if (header.calName !== undefined) lines.push(`X-WR-CALNAME:${header.calName.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\n/g, '\\n')}`);
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}
