import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, atLocalTime, expandDoseTimes } from './expand-dose-times.ts';

const schedule = { times: ['20:00', '08:00'], daysOfWeek: [1, 2, 3, 4, 5, 6, 7], startDate: '2030-03-29', endDate: undefined, zone: 'Europe/Madrid' };

test('08:00 and 20:00 daily stay on the local wall clock across the spring clock change', () => {
  const doses = expandDoseTimes(schedule, { from: new Date('2030-03-29T00:00:00Z'), to: new Date('2030-04-01T00:00:00Z') });
  assert.deepEqual(
    doses.map((d) => d.at.toISOString()),
    [
      '2030-03-29T07:00:00.000Z', '2030-03-29T19:00:00.000Z', // Friday, CET (UTC+1)
      '2030-03-30T07:00:00.000Z', '2030-03-30T19:00:00.000Z', // Saturday, CET
      '2030-03-31T06:00:00.000Z', '2030-03-31T18:00:00.000Z', // Sunday, CEST (UTC+2)
    ],
  );
  assert.deepEqual(doses.map((d) => d.localTime), ['08:00', '20:00', '08:00', '20:00', '08:00', '20:00']);
});

test('and across the autumn change', () => {
  const doses = expandDoseTimes({ ...schedule, startDate: '2030-10-26', times: ['08:00'] }, { from: new Date('2030-10-26T00:00:00Z'), to: new Date('2030-10-28T00:00:00Z') });
  assert.deepEqual(doses.map((d) => d.at.toISOString()), ['2030-10-26T06:00:00.000Z', '2030-10-27T07:00:00.000Z']);
});

test('a time that does not exist on the night of the change is taken once, just after the gap', () => {
  const doses = expandDoseTimes({ ...schedule, times: ['02:30'] }, { from: new Date('2030-03-30T12:00:00Z'), to: new Date('2030-04-01T12:00:00Z') });
  assert.equal(doses.length, 2);
  assert.equal(doses[0]?.at.toISOString(), '2030-03-31T01:30:00.000Z'); // 03:30 CEST
});

test('weekdays, start and end dates are respected', () => {
  const weekdays = expandDoseTimes({ ...schedule, times: ['09:00'], daysOfWeek: [1, 3], startDate: '2030-04-01', endDate: '2030-04-08' }, { from: new Date('2030-03-25T00:00:00Z'), to: new Date('2030-04-20T00:00:00Z') });
  assert.deepEqual(weekdays.map((d) => d.localDate), ['2030-04-01', '2030-04-03', '2030-04-08']);
});

test('local dates and times for refill and follow-up reminders', () => {
  assert.equal(addDays('2030-03-02', -5), '2030-02-25');
  assert.equal(atLocalTime('2030-03-31', '10:00', 'Europe/Madrid').toISOString(), '2030-03-31T08:00:00.000Z');
});
