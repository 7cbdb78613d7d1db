import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCalendar } from './build-calendar.ts';

test('one appointment as an RFC 5545 event in UTC, with a stable uid, sequence and the given DTSTAMP', () => {
  // 10:00 in Madrid on the day after the autumn clock change (UTC+1 from 2026-10-25).
  const text = buildCalendar(
    [{ uid: 'appt-1@hale', start: new Date('2026-10-26T09:00:00Z'), end: new Date('2026-10-26T09:20:00Z'), title: 'GP appointment – Clínica Sol', location: 'Calle Mayor 1, Madrid', description: 'With Dr. Ana', status: 'CONFIRMED', sequence: 2 }],
    { stamp: new Date('2026-10-20T08:00:00Z') },
  );
  assert.match(text, /^BEGIN:VCALENDAR\r\n/);
  assert.match(text, /\r\nEND:VCALENDAR\r\n$/);
  assert.match(text, /DTSTART:20261026T090000Z/);
  assert.match(text, /DTEND:20261026T092000Z/);
  assert.match(text, /DTSTAMP:20261020T080000Z/);
  assert.match(text, /UID:appt-1@hale/);
  assert.match(text, /SEQUENCE:2/);
  assert.match(text, /STATUS:CONFIRMED/);
  assert.match(text, /LOCATION:Calle Mayor 1\\, Madrid/);
  for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `folded: ${line}`);
});

test('an empty feed is still a valid calendar', () => {
  const text = buildCalendar([], { stamp: new Date('2026-10-20T08:00:00Z'), calendarName: 'Dr. Ana; GP' });
  assert.match(text, /^BEGIN:VCALENDAR\r\nVERSION:2.0\r\n/);
  assert.match(text, /X-WR-CALNAME:Dr. Ana\\; GP\r\n/);
  assert.doesNotMatch(text, /VEVENT/);
});
