import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isQuietTime, nextSendableTime } from './quiet-hours.ts';

const quiet = { start: '21:00', end: '08:00' };
const zone = 'Europe/Madrid';

test('outside quiet hours a send goes at once', () => {
  const at = new Date('2030-03-29T10:00:00Z'); // 11:00 in Madrid (CET)
  assert.equal(nextSendableTime(at, zone, quiet).toISOString(), at.toISOString());
  assert.equal(isQuietTime(at, zone, quiet), false);
});

test('an evening send waits until 08:00 the next local morning', () => {
  assert.equal(nextSendableTime(new Date('2030-03-29T22:30:00Z'), zone, quiet).toISOString(), '2030-03-30T07:00:00.000Z'); // 23:30 CET → 08:00 CET
});

test('after midnight it waits until 08:00 the same morning', () => {
  assert.equal(nextSendableTime(new Date('2030-03-30T01:00:00Z'), zone, quiet).toISOString(), '2030-03-30T07:00:00.000Z');
});

test('08:00 stays 08:00 local across the spring clock change (CET → CEST)', () => {
  // Saturday 23:00 CET; clocks go forward on Sunday 2030-03-31 at 02:00: 08:00 CEST is 06:00Z.
  assert.equal(nextSendableTime(new Date('2030-03-30T22:00:00Z'), zone, quiet).toISOString(), '2030-03-31T06:00:00.000Z');
});

test('and across the autumn change (CEST → CET)', () => {
  // Saturday 2030-10-26 23:00 CEST; clocks go back on Sunday at 03:00: 08:00 CET is 07:00Z.
  assert.equal(nextSendableTime(new Date('2030-10-26T21:00:00Z'), zone, quiet).toISOString(), '2030-10-27T07:00:00.000Z');
});

test('quiet hours in the patient zone, not the server zone', () => {
  // 05:00Z is 06:00 in Madrid (quiet) but 01:00 in New York (quiet too) and 14:00 in Tokyo (not).
  assert.equal(isQuietTime(new Date('2030-03-29T05:00:00Z'), 'Asia/Tokyo', quiet), false);
  assert.equal(nextSendableTime(new Date('2030-03-29T05:00:00Z'), 'America/New_York', quiet).toISOString(), '2030-03-29T12:00:00.000Z');
});

test('daytime quiet hours (not across midnight) work too', () => {
  const lunch = { start: '13:00', end: '15:00' };
  assert.equal(nextSendableTime(new Date('2030-03-29T12:30:00Z'), zone, lunch).toISOString(), '2030-03-29T14:00:00.000Z');
  assert.equal(isQuietTime(new Date('2030-03-29T14:30:00Z'), zone, lunch), false);
});
