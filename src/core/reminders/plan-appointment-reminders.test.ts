import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planAppointmentReminders } from './plan-appointment-reminders.ts';

test('one reminder per offset, keyed by appointment and offset; past offsets are left out', () => {
  const start = new Date('2030-04-02T09:00:00Z');
  const all = planAppointmentReminders({ appointmentId: 'a1', start, offsetsMinutes: [120, 1440, 120], now: new Date('2030-03-29T09:00:00Z') });
  assert.deepEqual(all.map((p) => [p.key, p.dueAt.toISOString()]), [
    ['appt:a1:1440', '2030-04-01T09:00:00.000Z'],
    ['appt:a1:120', '2030-04-02T07:00:00.000Z'],
  ]);
  const late = planAppointmentReminders({ appointmentId: 'a1', start, offsetsMinutes: [1440, 120], now: new Date('2030-04-02T05:00:00Z') });
  assert.deepEqual(late.map((p) => p.key), ['appt:a1:120']);
});
