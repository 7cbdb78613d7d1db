import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clinicConfigSchema, type ClinicConfig } from '../clinic/clinic-config.ts';
import { type AvailableSlot, findAvailability } from './find-availability.ts';
import type { Interval } from './interval.ts';

const weekdays = (open: string, close: string) => ({
  mon: [{ open, close }],
  tue: [{ open, close }],
  wed: [{ open, close }],
  thu: [{ open, close }],
  fri: [{ open, close }],
});

const clinic: ClinicConfig = clinicConfigSchema.parse({
  clinic: { name: 'Test', timeZone: 'Europe/Madrid' },
  languages: { default: 'en', supported: ['en'] },
  openingHours: weekdays('08:00', '10:00'),
  holidays: [{ date: '2026-03-31' }],
  consent: { version: '1', privacyUrl: 'https://example.org/p' },
  emergency: { number: '112' },
  departments: [
    {
      id: 'general',
      name: { en: 'General' },
      services: [
        { id: 'visit', name: { en: 'Visit' }, durationMinutes: 30 },
        { id: 'video', name: { en: 'Video' }, durationMinutes: 30, mode: 'video', minNoticeMinutes: 0, horizonDays: 60 },
      ],
    },
    { id: 'lab', name: { en: 'Lab' }, services: [{ id: 'blood', name: { en: 'Blood test' }, durationMinutes: 10, bufferMinutes: 5, slotStepMinutes: 15 }] },
  ],
  providers: [
    { id: 'dr-b', name: 'Dr B', departments: ['general'] },
    { id: 'dr-a', name: 'Dr A', departments: ['general'], weeklyHours: weekdays('07:00', '09:00') },
    {
      id: 'dr-ny',
      name: 'Dr NY',
      departments: ['general'],
      services: ['video'],
      timeZone: 'America/New_York',
      weeklyHours: weekdays('09:00', '10:00'),
      exceptions: [{ kind: 'leave', from: '2026-03-11', to: '2026-03-12' }],
    },
    { id: 'nurse', name: 'Nurse', departments: ['lab'] },
  ],
  scheduling: { minNoticeMinutes: 60, horizonDays: 21 },
});

const none = new Map<string, Interval[]>();
/** "MM-DD HH:MM provider", Madrid wall clock. */
const show = (slots: AvailableSlot[]): string[] =>
  slots.map((s) => `${s.start.toLocaleString('sv-SE', { timeZone: 'Europe/Madrid' }).slice(5, 16)} ${s.practitionerId}`);

test('one provider: in-person hours stay within opening hours, across the spring change', () => {
  // Now: Friday 2026-03-27 07:30 CET. Dr A works 07:00–09:00, the clinic opens at 08:00.
  const slots = findAvailability({ clinic, serviceId: 'visit', practitionerId: 'dr-a', busyByPractitioner: none, now: new Date('2026-03-27T06:30:00Z'), days: 4 });
  assert.deepEqual(show(slots), ['03-27 08:30 dr-a', '03-30 08:00 dr-a', '03-30 08:30 dr-a']);
  assert.equal(slots[1]?.start.toISOString(), '2026-03-30T06:00:00.000Z'); // 08:00 CEST
  assert.equal(slots[1]?.end.toISOString(), '2026-03-30T06:30:00.000Z');
});

test('"any" merges providers: one slot per start, the least booked provider that day, else the smallest id', () => {
  // Monday 2026-03-30 (CEST): Dr B is booked 08:00–08:30; Dr A is free.
  const busy = new Map<string, Interval[]>([['dr-b', [{ start: Date.parse('2026-03-30T06:00:00Z'), end: Date.parse('2026-03-30T06:30:00Z') }]]]);
  const slots = findAvailability({ clinic, serviceId: 'visit', practitionerId: 'any', busyByPractitioner: busy, now: new Date('2026-03-27T09:00:00Z'), from: new Date('2026-03-29T22:00:00Z'), days: 1 });
  // 08:00: only Dr A. 08:30: both free; Dr A has 0 busy minutes that day, Dr B 30. 09:00 and 09:30: only Dr B.
  assert.deepEqual(show(slots), ['03-30 08:00 dr-a', '03-30 08:30 dr-a', '03-30 09:00 dr-b', '03-30 09:30 dr-b']);
  // Nobody booked: equal load, so the smallest id, dr-a, gets the shared 08:00 and 08:30.
  const free = findAvailability({ clinic, serviceId: 'visit', practitionerId: 'any', busyByPractitioner: none, now: new Date('2026-03-27T09:00:00Z'), from: new Date('2026-03-29T22:00:00Z'), days: 1 });
  assert.deepEqual(show(free), ['03-30 08:00 dr-a', '03-30 08:30 dr-a', '03-30 09:00 dr-b', '03-30 09:30 dr-b']);
  // The video service: Dr A, Dr B and the New York provider (video only) all offer it.
  const video = findAvailability({ clinic, serviceId: 'video', practitionerId: 'any', busyByPractitioner: busy, now: new Date('2026-03-27T09:00:00Z'), from: new Date('2026-03-29T22:00:00Z'), days: 1 });
  assert.deepEqual(show(video), [
    '03-30 07:00 dr-a', '03-30 07:30 dr-a', '03-30 08:00 dr-a', '03-30 08:30 dr-a', '03-30 09:00 dr-b', '03-30 09:30 dr-b',
    '03-30 15:00 dr-ny', '03-30 15:30 dr-ny',
  ]);
});

test('a video provider in New York: slots move in Madrid time between the two clock changes; leave removes days', () => {
  const slots = findAvailability({ clinic, serviceId: 'video', practitionerId: 'dr-ny', busyByPractitioner: none, now: new Date('2026-03-05T12:00:00Z'), days: 27 });
  const days = new Map<string, string[]>();
  for (const line of show(slots)) days.set(line.slice(0, 5), [...(days.get(line.slice(0, 5)) ?? []), line.slice(6, 11)]);
  // 09:00–10:00 New York: 15:00 in Madrid before 2026-03-08, 14:00 until 2026-03-29, 15:00 after.
  assert.deepEqual(days.get('03-05'), ['15:00', '15:30']);
  assert.deepEqual(days.get('03-09'), ['14:00', '14:30']);
  assert.deepEqual(days.get('03-27'), ['14:00', '14:30']);
  assert.deepEqual(days.get('03-30'), ['15:00', '15:30']);
  assert.equal(days.has('03-11'), false, 'leave');
  assert.equal(days.has('03-12'), false, 'leave');
  assert.equal(days.has('03-31'), false, 'Madrid holiday');
  assert.equal(days.has('03-07'), false, 'weekend');
});

test('service buffer, step and the clinic’s minimum notice', () => {
  // Now: Monday 2026-10-26 08:10 CET, the day after the autumn change; notice 60 min → 09:10.
  // The nurse has a blood test 09:30–09:40 (+5 min buffer).
  const busy = new Map([['nurse', [{ start: Date.parse('2026-10-26T08:30:00Z'), end: Date.parse('2026-10-26T08:45:00Z') }]]]);
  const slots = findAvailability({ clinic, serviceId: 'blood', practitionerId: 'nurse', busyByPractitioner: busy, now: new Date('2026-10-26T07:10:00Z'), days: 1 });
  // Grid :00/:15/:30/:45 from 08:00. 09:15 would end 09:25 and its buffer 09:30: fits exactly.
  assert.deepEqual(show(slots), ['10-26 09:15 nurse', '10-26 09:45 nurse']);
});

test('days and the horizon limit the search; a past `from` starts at now', () => {
  // Horizon 21 days from Friday 2026-10-16 10:00 CEST → Friday 2026-11-06 10:00 CET.
  const now = new Date('2026-10-16T08:00:00Z');
  const slots = findAvailability({ clinic, serviceId: 'visit', practitionerId: 'dr-b', busyByPractitioner: none, now, days: 60 });
  assert.equal(show(slots).at(-1), '11-06 09:30 dr-b');
  assert.equal(show(slots)[0], '10-19 08:00 dr-b'); // Friday after now + 1 h: nothing; the weekend is closed
  assert.ok(show(slots).includes('10-26 08:00 dr-b'));
  const past = findAvailability({ clinic, serviceId: 'visit', practitionerId: 'dr-b', busyByPractitioner: none, now, from: new Date('2026-10-01T00:00:00Z'), days: 20 });
  assert.equal(show(past)[0], '10-19 08:00 dr-b');
  assert.equal(show(past).at(-1), '10-20 09:30 dr-b'); // 20 days from 2026-10-01: up to 10-20 included
});

test('errors: unknown service or provider, a provider who does not offer the service', () => {
  const now = new Date('2026-03-27T06:30:00Z');
  assert.throws(() => findAvailability({ clinic, serviceId: 'nope', practitionerId: 'any', busyByPractitioner: none, now }), { code: 'not_found' });
  assert.throws(() => findAvailability({ clinic, serviceId: 'visit', practitionerId: 'dr-x', busyByPractitioner: none, now }), { code: 'not_found' });
  assert.throws(() => findAvailability({ clinic, serviceId: 'visit', practitionerId: 'dr-ny', busyByPractitioner: none, now }), { code: 'invalid_input' });
  assert.throws(() => findAvailability({ clinic, serviceId: 'blood', practitionerId: 'dr-a', busyByPractitioner: none, now }), { code: 'invalid_input' });
});
