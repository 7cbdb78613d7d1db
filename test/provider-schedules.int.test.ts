/**
 * Staff edit providers' schedules through the API (issue 5): leave and extra hours take effect
 * in the slot search at once, booked appointments the new schedule no longer covers are
 * listed, a reset returns to the clinic configuration, roles and validation hold, and every
 * change is audited. Real HTTP, real sign-in.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DateTime } from 'luxon';
import { FIRST_ADMIN_ENV, signInEveryRole, type StaffClient } from './support/staff-client.ts';
import { startTestHale, type TestHale } from './support/start-test-hale.ts';

let t: TestHale;
let admin: StaffClient;
let agent: StaffClient;
let clinician: StaffClient;

before(async () => {
  t = await startTestHale(FIRST_ADMIN_ENV);
  ({ admin, agent, clinician } = await signInEveryRole(t.hale.url));
});
after(async () => {
  await t?.close();
});

const ZONE = 'Europe/Madrid';
const localDay = (d: Date) => DateTime.fromJSDate(d, { zone: ZONE }).toISODate() ?? '';

async function slotDays(practitionerId: string): Promise<Map<string, number>> {
  const slots = await t.hale.booking.searchSlots({ serviceId: 'gp-visit', practitionerId, days: 14 });
  const days = new Map<string, number>();
  for (const slot of slots) days.set(localDay(slot.start), (days.get(localDay(slot.start)) ?? 0) + 1);
  return days;
}

test('leave entered by the front desk removes that day at once; extra hours add time; a reset restores the configuration', async () => {
  const before = await slotDays('dr-torres');
  const [day] = [...before.keys()].sort();
  assert.ok(day !== undefined, 'Dr. Torres has free time in the next 14 days');

  const shown = await clinician.get('/api/v1/providers/dr-torres/schedule');
  assert.equal(shown.status, 200);
  assert.equal(shown.body.source, 'configuration');
  assert.equal(shown.body.timeZone, ZONE);
  assert.ok(shown.body.weeklyHours.mon.length > 0);
  const configured = shown.body.exceptions.length;

  // Clinicians read schedules but do not edit them.
  assert.equal((await clinician.post('/api/v1/providers/dr-torres/exceptions', { kind: 'leave', from: day })).status, 403);

  const off = await agent.post('/api/v1/providers/dr-torres/exceptions', { kind: 'leave', from: day, note: 'Sick' });
  assert.equal(off.status, 200, JSON.stringify(off.body));
  assert.equal(off.body.source, 'staff');
  assert.equal(off.body.exceptions.length, configured + 1, 'added to the configured exceptions');
  assert.deepEqual(off.body.appointmentsOutsideHours, []);
  const during = await slotDays('dr-torres');
  assert.equal(during.has(day), false, `no slots on ${day} while on leave`);
  assert.equal([...during.keys()].length, [...before.keys()].length - 1, 'the other days keep their slots');

  // Extra hours on a weekday afternoon (gp-visit is in person: within the clinic's opening hours).
  const weekday = [...before.keys()].sort().find((d) => d !== day && DateTime.fromISO(d, { zone: ZONE }).weekday <= 4) ?? '';
  assert.ok(weekday !== '');
  const evening = await agent.post('/api/v1/providers/dr-torres/exceptions', { kind: 'extra', from: `${weekday}T15:00`, to: `${weekday}T17:00` });
  assert.equal(evening.status, 200, JSON.stringify(evening.body));
  const withExtra = await slotDays('dr-torres');
  assert.ok((withExtra.get(weekday) ?? 0) > (before.get(weekday) ?? 0), `more slots on ${weekday}: ${before.get(weekday)} → ${withExtra.get(weekday)}`);

  const bad = await agent.post('/api/v1/providers/dr-torres/exceptions', { kind: 'extra', from: `${weekday}T17:00`, to: `${weekday}T15:00` });
  assert.equal(bad.status, 400);
  assert.match(JSON.stringify(bad.body), /after from/);
  assert.equal((await agent.post('/api/v1/providers/dr-nobody/exceptions', { kind: 'leave', from: day })).status, 404);

  const reset = await admin.request('DELETE', '/api/v1/providers/dr-torres/schedule');
  assert.equal(reset.status, 200, JSON.stringify(reset.body));
  assert.equal(reset.body.source, 'configuration');
  assert.deepEqual(await slotDays('dr-torres'), before, 'back to the configured schedule');

  const audited = await t.hale.db.selectFrom('audit_events').select(['action', 'entity_id', 'actor_id']).where('entity_type', '=', 'Schedule').orderBy('id').execute();
  assert.deepEqual(audited.map((a) => a.action), ['schedule.updated', 'schedule.updated', 'schedule.reset']);
  assert.ok(audited.every((a) => a.entity_id === 'dr-torres' && a.actor_id !== null));
});

test('weekly hours replaced: booked appointments the new hours no longer cover are listed for staff', async () => {
  const slots = await t.hale.booking.searchSlots({ serviceId: 'gp-visit', practitionerId: 'dr-torres', days: 14 });
  const first = slots[0];
  assert.ok(first !== undefined);
  const [patient] = await t.hale.db.selectFrom('patients').select('id').limit(1).execute();
  const patientId =
    patient?.id ??
    (await t.hale.tx.run((repos) => repos.patients.create({ waId: '34699000111' }, new Date()))).id;
  const booked = await t.hale.booking.book({ patientId, serviceId: 'gp-visit', practitionerId: 'dr-torres', start: first.start, staffId: admin.userId });
  // Only Sunday mornings from now on: the booked appointment is outside.
  const empty = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [{ open: '09:00', close: '10:00' }] };
  const changed = await agent.request('PUT', '/api/v1/providers/dr-torres/schedule', { weeklyHours: empty, exceptions: [] });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  assert.deepEqual(changed.body.weeklyHours.mon, []);
  assert.deepEqual(
    changed.body.appointmentsOutsideHours.map((a: { appointmentId: string }) => a.appointmentId),
    [booked.appointment.id],
    'the booked appointment is listed, not cancelled',
  );
  const stillBooked = await t.hale.db.selectFrom('appointments').select('status').where('id', '=', booked.appointment.id).executeTakeFirstOrThrow();
  assert.equal(stillBooked.status, 'booked');
  assert.equal((await agent.request('PUT', '/api/v1/providers/dr-torres/schedule', { weeklyHours: { mon: [{ open: '14:00', close: '09:00' }] }, exceptions: [] })).status, 400);
  assert.equal((await admin.request('DELETE', '/api/v1/providers/dr-torres/schedule')).status, 200);
  assert.equal((await admin.request('DELETE', '/api/v1/providers/dr-torres/schedule')).status, 404, 'nothing left to reset');
});
