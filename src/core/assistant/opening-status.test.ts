import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeMoment, openingStatus } from './opening-status.ts';

const config = {
  clinic: { name: 'Test', timeZone: 'Europe/Madrid' },
  openingHours: {
    mon: [{ open: '08:00', close: '13:00' }, { open: '15:00', close: '19:00' }],
    tue: [{ open: '08:00', close: '19:00' }],
    wed: [{ open: '08:00', close: '19:00' }],
    thu: [{ open: '08:00', close: '19:00' }],
    fri: [{ open: '08:00', close: '19:00' }],
    sat: [{ open: '09:00', close: '13:00' }],
    sun: [],
  },
  holidays: [{ date: '2026-12-25', name: 'Christmas' }],
};

test('open inside hours, closed at lunch and at night, in the clinic zone', () => {
  // Monday 2026-03-23 10:00 in Madrid is 09:00 UTC (CET, UTC+1).
  assert.equal(openingStatus(config, new Date('2026-03-23T09:00:00Z')).open, true);
  const lunch = openingStatus(config, new Date('2026-03-23T12:30:00Z')); // 13:30 local
  assert.equal(lunch.open, false);
  assert.equal(lunch.nextOpen?.toISOString(), '2026-03-23T14:00:00.000Z'); // 15:00 local
});

test('across the spring daylight-saving change (Madrid moves to UTC+2 on 2026-03-29)', () => {
  // Saturday 2026-03-28 14:00 local (13:00 UTC): closed; next opening is Monday 08:00 CEST = 06:00 UTC.
  const status = openingStatus(config, new Date('2026-03-28T13:00:00Z'));
  assert.equal(status.open, false);
  assert.equal(status.nextOpen?.toISOString(), '2026-03-30T06:00:00.000Z');
  assert.equal(openingStatus(config, new Date('2026-03-30T06:00:00Z')).open, true);
  assert.equal(openingStatus(config, new Date('2026-03-30T05:59:00Z')).open, false);
});

test('holidays are closed all day', () => {
  // Friday 2026-12-25 10:00 local.
  const status = openingStatus(config, new Date('2026-12-25T09:00:00Z'));
  assert.equal(status.open, false);
  assert.equal(status.nextOpen?.toISOString(), '2026-12-26T08:00:00.000Z'); // Saturday 09:00 CET
});

test('describes the next opening in the patient language', () => {
  const now = new Date('2026-03-23T20:00:00Z'); // Monday 21:00 local
  const next = new Date('2026-03-24T07:00:00Z'); // Tuesday 08:00 local
  assert.match(describeMoment(next, now, 'Europe/Madrid', 'en'), /tomorrow 8:00/i);
  assert.match(describeMoment(next, now, 'Europe/Madrid', 'es'), /mañana 8:00/i);
  assert.match(describeMoment(new Date('2026-03-26T07:00:00Z'), now, 'Europe/Madrid', 'de'), /Donnerstag/);
});
