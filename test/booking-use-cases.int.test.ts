/**
 * Booking use cases against a real database (PGlite; PostgreSQL with HALE_TEST_DATABASE_URL):
 * holds and their expiry, requests decided by staff, the cancellation cut-off, rescheduling,
 * the waitlist, and the database guard refusing what the use cases would never write.
 * The clock stands on Friday 2030-03-29, before Madrid's spring clock change: Monday's slots are CEST.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { sql } from 'kysely';
import { verifyAuditChain } from '../src/adapters/db/audit-log.ts';
import { cancelAppointment } from '../src/app/cancel-appointment.ts';
import { confirmBooking } from '../src/app/confirm-booking.ts';
import { decideBookingRequest } from '../src/app/decide-booking-request.ts';
import { findPatientSlots } from '../src/app/find-patient-slots.ts';
import { holdSlot } from '../src/app/hold-slot.ts';
import { joinWaitlist } from '../src/app/join-waitlist.ts';
import { listPatientAppointments } from '../src/app/list-patient-appointments.ts';
import { offerFreedSlot } from '../src/app/offer-freed-slot.ts';
import { rescheduleAppointment } from '../src/app/reschedule-appointment.ts';
import { DomainError, type DomainErrorCode } from '../src/core/domain-error.ts';
import type { AvailableSlot } from '../src/core/scheduling/find-availability.ts';
import { createBusyTimeCache, type BusyTimeCache } from '../src/adapters/db/busy-time-cache.ts';
import { buildTestClinic, openBookingFixture, type BookingFixture } from './support/booking-fixture.ts';

const clinic = buildTestClinic();
const friday = '2030-03-29T09:00:00Z';
let f: BookingFixture;
let cache: BusyTimeCache;
let deps: { tx: BookingFixture['tx']; clock: BookingFixture['clock']; clinic: typeof clinic; busy: BusyTimeCache['busyTimes'] };

before(async () => {
  f = await openBookingFixture();
  // Searches read busy time through the cache, as in Hale (ADR 17): every test below checks it too.
  cache = createBusyTimeCache(f.databases[0]!.db);
  deps = { tx: f.tx, clock: f.clock, clinic, busy: cache.busyTimes };
});
beforeEach(() => f.clock.set(friday));
after(async () => {
  await f?.close();
});

const at = (iso: string) => new Date(iso);
const slot = (practitionerId: string, start: string, serviceId = 'consult') => ({ serviceId, practitionerId, start: at(start) });

async function rejectsWith(promise: Promise<unknown>, code: DomainErrorCode): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof DomainError, String(error));
    assert.equal(error.code, code, error.message);
    return error;
  }
  assert.fail(`expected ${code}`);
}

const hasStart = (slots: AvailableSlot[], practitionerId: string, start: string) => slots.some((s) => s.practitionerId === practitionerId && s.start.getTime() === Date.parse(start));

test('slots are offered on the local wall clock across the clock change, and booked ones disappear (with the buffer)', async () => {
  const [p] = await f.createPatients(1);
  const monday = await findPatientSlots(deps, { serviceId: 'consult', practitionerId: 'dr-a', from: at('2030-04-01T00:00:00Z'), days: 1 });
  assert.equal(monday[0]?.start.toISOString(), '2030-04-01T06:00:00.000Z', '08:00 CEST');
  assert.equal(monday.length, 20, '08:00–18:00 in 30-minute slots');
  await confirmBooking(deps, { patientId: p!, ...slot('dr-a', '2030-04-01T06:00:00Z', 'review') });
  const after = await findPatientSlots(deps, { serviceId: 'consult', practitionerId: 'dr-a', from: at('2030-04-01T00:00:00Z'), days: 1 });
  // The 20-minute review plus its 10-minute buffer takes the 08:00 consultation slot.
  assert.equal(after[0]?.start.toISOString(), '2030-04-01T06:30:00.000Z');
});

test('a hold keeps the slot for its patient until it expires; then it is anyone\'s', async () => {
  const [a, b] = await f.createPatients(2);
  const wanted = slot('dr-b', '2030-04-01T07:00:00Z');
  const hold = await holdSlot(deps, { patientId: a!, ...wanted });
  assert.equal(hold.expiresAt.toISOString(), '2030-03-29T09:05:00.000Z', 'scheduling.holdMinutes: 5');

  const forB = await findPatientSlots(deps, { serviceId: 'consult', practitionerId: 'dr-b', patientId: b!, from: at('2030-04-01T00:00:00Z'), days: 1 });
  assert.ok(!hasStart(forB, 'dr-b', '2030-04-01T07:00:00Z'), 'hidden from others while held');
  const forA = await findPatientSlots(deps, { serviceId: 'consult', practitionerId: 'dr-b', patientId: a!, from: at('2030-04-01T00:00:00Z'), days: 1 });
  assert.ok(hasStart(forA, 'dr-b', '2030-04-01T07:00:00Z'), 'still shown to its holder');

  const refused = await rejectsWith(holdSlot(deps, { patientId: b!, ...wanted }), 'slot_unavailable');
  const alternatives = refused.details['alternatives'] as AvailableSlot[];
  assert.equal(alternatives.length, 3);
  assert.equal(alternatives[0]?.start.toISOString(), '2030-04-01T07:30:00.000Z', 'the next free slot of the same doctor');
  await rejectsWith(confirmBooking(deps, { patientId: b!, ...wanted }), 'slot_unavailable');

  f.clock.advanceMinutes(6);
  const taken = await holdSlot(deps, { patientId: b!, ...wanted });
  const holds = await f.databases[0]!.db.selectFrom('slot_holds').select('patient_id').where('practitioner_id', '=', 'dr-b').execute();
  assert.deepEqual(holds.map((h) => h.patient_id), [b], "the expired hold was deleted under the guard");
  // A comes back late: the slot is now B's.
  await rejectsWith(confirmBooking(deps, { patientId: a!, ...wanted, holdId: hold.id }), 'slot_unavailable');
  const booked = await confirmBooking(deps, { patientId: b!, ...wanted, holdId: taken.id });
  assert.equal(booked.appointment.status, 'booked');
  const again = await confirmBooking(deps, { patientId: b!, ...wanted, holdId: taken.id });
  assert.deepEqual([again.created, again.appointment.id], [false, booked.appointment.id], 'a repeated confirmation is the same booking');
});

test('an expired hold still books the slot when nobody took it', async () => {
  const [a] = await f.createPatients(1);
  const wanted = slot('dr-b', '2030-04-01T08:00:00Z');
  const hold = await holdSlot(deps, { patientId: a!, ...wanted });
  f.clock.advanceMinutes(30);
  const { appointment } = await confirmBooking(deps, { patientId: a!, ...wanted, holdId: hold.id });
  assert.equal(appointment.status, 'booked');
});

test('holding a new slot releases the patient\'s previous hold', async () => {
  const [a] = await f.createPatients(1);
  await holdSlot(deps, { patientId: a!, ...slot('dr-a', '2030-04-02T06:00:00Z') });
  const second = await holdSlot(deps, { patientId: a!, ...slot('dr-b', '2030-04-02T06:00:00Z') });
  const holds = await f.databases[0]!.db.selectFrom('slot_holds').select('id').where('patient_id', '=', a!).execute();
  assert.deepEqual(holds.map((h) => h.id), [second.id]);
});

test('a request service creates a pending appointment; staff confirm or decline it', async () => {
  const [p, q, other] = await f.createPatients(3);
  const first = await confirmBooking(deps, { patientId: p!, ...slot('dr-a', '2030-04-03T06:00:00Z', 'review') });
  assert.equal(first.appointment.status, 'pending');
  // Pending keeps the slot: nobody else gets it meanwhile.
  await rejectsWith(confirmBooking(deps, { patientId: other!, ...slot('dr-a', '2030-04-03T06:00:00Z', 'review') }), 'slot_unavailable');

  const confirmed = await decideBookingRequest(deps, { appointmentId: first.appointment.id, staffId: 'staff-1', decision: 'confirm' });
  assert.equal(confirmed.appointment.status, 'booked');
  assert.equal(confirmed.appointment.version, first.appointment.version + 1);
  const repeated = await decideBookingRequest(deps, { appointmentId: first.appointment.id, staffId: 'staff-1', decision: 'confirm' });
  assert.equal(repeated.appointment.version, confirmed.appointment.version, 'the same decision twice changes nothing');
  await rejectsWith(decideBookingRequest(deps, { appointmentId: first.appointment.id, staffId: 'staff-1', decision: 'decline' }), 'conflict');

  const second = await confirmBooking(deps, { patientId: q!, ...slot('dr-a', '2030-04-03T07:00:00Z', 'review') });
  const declined = await decideBookingRequest(deps, { appointmentId: second.appointment.id, staffId: 'staff-1', decision: 'decline' });
  assert.deepEqual([declined.appointment.status, declined.appointment.cancelReason], ['cancelled', 'declined']);
  // The declined slot is free again.
  await confirmBooking(deps, { patientId: other!, ...slot('dr-a', '2030-04-03T07:00:00Z', 'review') });

  const audit = await f.databases[0]!.db.selectFrom('audit_events').select(['action', 'actor_type', 'actor_id']).where('entity_id', 'in', [first.appointment.id, second.appointment.id]).orderBy('id').execute();
  assert.deepEqual(
    audit.map((r) => `${r.action}:${r.actor_type}`),
    ['appointment.requested:patient', 'appointment.confirmed:staff', 'appointment.requested:patient', 'appointment.declined:staff'],
  );
});

test('patients cancel until the cut-off (24 h); inside it only staff can', async () => {
  const [p] = await f.createPatients(1);
  const monday = await confirmBooking(deps, { patientId: p!, ...slot('dr-a', '2030-04-01T09:00:00Z') });
  const tuesday = await confirmBooking(deps, { patientId: p!, ...slot('dr-a', '2030-04-02T12:00:00Z') });
  f.clock.set('2030-03-31T20:00:00Z'); // Sunday evening: Monday 11:00 is 13 h away, Tuesday 14:00 is 40 h away

  const late = await rejectsWith(cancelAppointment(deps, { appointmentId: monday.appointment.id, actor: { type: 'patient', patientId: p! } }), 'cancellation_cutoff');
  assert.equal(late.details['cutoffHours'], 24);
  const { appointment } = await cancelAppointment(deps, { appointmentId: tuesday.appointment.id, actor: { type: 'patient', patientId: p! } });
  assert.deepEqual([appointment.status, appointment.cancelReason], ['cancelled', 'patient_request']);
  const byStaff = await cancelAppointment(deps, { appointmentId: monday.appointment.id, actor: { type: 'staff', staffId: 'staff-2' } });
  assert.deepEqual([byStaff.appointment.status, byStaff.appointment.cancelReason], ['cancelled', 'clinic_request']);

  const again = await cancelAppointment(deps, { appointmentId: monday.appointment.id, actor: { type: 'staff', staffId: 'staff-2' } });
  assert.equal(again.appointment.version, byStaff.appointment.version, 'cancelling twice changes nothing');
  const [stranger] = await f.createPatients(1);
  await rejectsWith(cancelAppointment(deps, { appointmentId: tuesday.appointment.id, actor: { type: 'patient', patientId: stranger! } }), 'not_found');
});

test('rescheduling books the new slot and releases the old one in one step; a taken slot changes nothing', async () => {
  const stepClinic = buildTestClinic({ scheduling: { slotStepMinutes: 15 } });
  const d = { ...deps, clinic: stepClinic };
  const [p, other] = await f.createPatients(2);
  const original = await confirmBooking(d, { patientId: p!, ...slot('dr-b', '2030-04-04T06:00:00Z') });
  await confirmBooking(d, { patientId: other!, ...slot('dr-a', '2030-04-04T08:00:00Z') });

  // The target is taken: nothing changes, the patient keeps the old appointment.
  const refused = await rejectsWith(
    rescheduleAppointment(d, { appointmentId: original.appointment.id, actor: { type: 'patient', patientId: p! }, practitionerId: 'dr-a', start: at('2030-04-04T08:00:00Z') }),
    'slot_unavailable',
  );
  assert.ok((refused.details['alternatives'] as AvailableSlot[]).length > 0);
  assert.equal((await f.databases[0]!.db.selectFrom('appointments').select('status').where('id', '=', original.appointment.id).executeTakeFirstOrThrow()).status, 'booked');

  // Moving by 15 minutes overlaps the old time: fine, both changes commit together.
  const moved = await rescheduleAppointment(d, { appointmentId: original.appointment.id, actor: { type: 'patient', patientId: p! }, practitionerId: 'dr-b', start: at('2030-04-04T06:15:00Z') });
  assert.equal(moved.appointment.status, 'booked');
  assert.equal(moved.appointment.rescheduledFrom, original.appointment.id);
  assert.deepEqual([moved.previous.status, moved.previous.cancelReason], ['cancelled', 'rescheduled']);

  // To another doctor: the old slot is then free for others.
  const again = await rescheduleAppointment(d, { appointmentId: moved.appointment.id, actor: { type: 'patient', patientId: p! }, practitionerId: 'dr-a', start: at('2030-04-04T09:00:00Z') });
  assert.equal(again.appointment.practitionerId, 'dr-a');
  await confirmBooking(d, { patientId: other!, ...slot('dr-b', '2030-04-04T06:15:00Z') });

  // Inside the cut-off a patient cannot move it either.
  f.clock.set('2030-04-03T12:00:00Z');
  await rejectsWith(
    rescheduleAppointment(d, { appointmentId: again.appointment.id, actor: { type: 'patient', patientId: p! }, practitionerId: 'dr-a', start: at('2030-04-04T10:00:00Z') }),
    'cancellation_cutoff',
  );
  const upcoming = await listPatientAppointments(deps, { patientId: p! });
  assert.deepEqual(upcoming.map((a) => a.id), [again.appointment.id]);
  const history = await listPatientAppointments(deps, { patientId: p!, history: true });
  assert.deepEqual(history.map((a) => a.status), ['cancelled', 'cancelled', 'booked']);
});

test('a freed slot is offered to the waitlist in order; the first to confirm gets it', async () => {
  const [holder, w1, w2, w3, w4] = await f.createPatients(5);
  const wanted = slot('dr-a', '2030-04-05T06:00:00Z');
  const booked = await confirmBooking(deps, { patientId: holder!, ...wanted });
  const window = { from: at('2030-04-05T00:00:00Z'), to: at('2030-04-06T00:00:00Z') };
  const e1 = await joinWaitlist(deps, { patientId: w1!, serviceId: 'consult', practitionerId: 'any', ...window });
  f.clock.advanceMinutes(1);
  const e2 = await joinWaitlist(deps, { patientId: w2!, serviceId: 'consult', practitionerId: 'dr-a', ...window });
  f.clock.advanceMinutes(1);
  await joinWaitlist(deps, { patientId: w3!, serviceId: 'consult', practitionerId: 'dr-b', ...window }); // another doctor
  await joinWaitlist(deps, { patientId: w4!, serviceId: 'consult', from: at('2030-04-08T00:00:00Z'), to: at('2030-04-09T00:00:00Z') }); // another day
  // Joining again (a wider window) keeps the place in line.
  const e1again = await joinWaitlist(deps, { patientId: w1!, serviceId: 'consult', from: at('2030-04-04T00:00:00Z'), to: at('2030-04-06T00:00:00Z') });
  assert.equal(e1again.createdAt.getTime(), e1.createdAt.getTime());

  const { waitlistOffer } = await cancelAppointment(deps, { appointmentId: booked.appointment.id, actor: { type: 'patient', patientId: holder! } });
  assert.deepEqual([waitlistOffer?.patientId, waitlistOffer?.entryId], [w1, e1again.id], 'the oldest matching entry first');
  const next = await offerFreedSlot(deps, wanted);
  assert.deepEqual([next?.patientId, next?.entryId], [w2, e2.id], 'offering again reaches the next in line');
  assert.equal(await offerFreedSlot(deps, wanted), undefined, 'nobody else fits');

  // Both were offered; w2 answers first and gets it, w1 hears it is gone.
  const won = await confirmBooking(deps, { patientId: w2!, ...wanted, waitlistEntryId: e2.id });
  await rejectsWith(confirmBooking(deps, { patientId: w1!, ...wanted, waitlistEntryId: e1again.id }), 'slot_unavailable');
  const entries = await f.databases[0]!.db.selectFrom('waitlist_entries').select(['id', 'state', 'appointment_id']).where('id', 'in', [e1.id, e1again.id, e2.id]).orderBy('created_at').orderBy('updated_at').execute();
  assert.deepEqual(
    entries.map((e) => [e.id, e.state, e.appointment_id]),
    [
      [e1.id, 'cancelled', null],
      [e1again.id, 'offered', null],
      [e2.id, 'booked', won.appointment.id],
    ],
  );
  assert.equal(await offerFreedSlot(deps, wanted), undefined, 'a booked slot is not offered');
});

test('the database itself refuses overlaps: appointments, holds over appointments, appointments over live holds', async () => {
  const [p, q] = await f.createPatients(2);
  const db = f.databases[0]!.db;
  const insertAppointment = (patientId: string, start: string, end: string, status = 'booked') =>
    sql`INSERT INTO appointments (patient_id, practitioner_id, service_id, start_at, end_at, status, mode, booked_via, created_at, updated_at)
        VALUES (${patientId}, 'dr-b', 'consult', ${start}::timestamptz, ${end}::timestamptz, ${status}, 'in_person', 'staff', ${friday}::timestamptz, ${friday}::timestamptz)`.execute(db);
  const refusedBy = async (promise: Promise<unknown>): Promise<string> => {
    try {
      await promise;
    } catch (error) {
      assert.equal((error as { code?: string }).code, '23P01', String(error));
      return String((error as { constraint?: string }).constraint);
    }
    assert.fail('the database accepted an overlap');
  };

  await insertAppointment(p!, '2030-04-08T06:00:00Z', '2030-04-08T06:30:00Z');
  assert.equal(await refusedBy(insertAppointment(q!, '2030-04-08T06:15:00Z', '2030-04-08T06:45:00Z', 'pending')), 'appointments_no_overlap');
  await insertAppointment(q!, '2030-04-08T06:30:00Z', '2030-04-08T07:00:00Z'); // touching is fine: [start, end)
  await insertAppointment(q!, '2030-04-08T06:00:00Z', '2030-04-08T06:30:00Z', 'cancelled'); // cancelled ones do not count
  // Re-activating a cancelled (or no-show) appointment over a newer booking is refused too.
  const reactivate = sql`UPDATE appointments SET status = 'arrived' WHERE patient_id = ${q!} AND status = 'cancelled' AND start_at = '2030-04-08T06:00:00Z'`.execute(db);
  assert.equal(await refusedBy(reactivate), 'appointments_no_overlap');

  const insertHold = (patientId: string, start: string, end: string, expires: string) =>
    sql`INSERT INTO slot_holds (patient_id, practitioner_id, service_id, start_at, end_at, created_at, expires_at)
        VALUES (${patientId}, 'dr-b', 'consult', ${start}::timestamptz, ${end}::timestamptz, ${friday}::timestamptz, ${expires}::timestamptz)`.execute(db);
  assert.equal(await refusedBy(insertHold(p!, '2030-04-08T06:10:00Z', '2030-04-08T06:40:00Z', '2030-03-29T09:05:00Z')), 'slot_holds_no_overlap_appointment');
  await insertHold(p!, '2030-04-08T08:00:00Z', '2030-04-08T08:30:00Z', '2030-03-29T09:05:00Z');
  assert.equal(await refusedBy(insertHold(q!, '2030-04-08T08:15:00Z', '2030-04-08T08:45:00Z', '2030-03-29T09:05:00Z')), 'slot_holds_no_overlap');
  assert.equal(await refusedBy(insertAppointment(q!, '2030-04-08T08:00:00Z', '2030-04-08T08:30:00Z')), 'appointments_no_overlap_hold');
  await insertAppointment(p!, '2030-04-08T08:00:00Z', '2030-04-08T08:30:00Z'); // the hold's own patient may book it
});

test('every change was audited, ids only, and the audit chain is intact', async () => {
  const chain = await verifyAuditChain(f.databases[0]!.db);
  assert.equal(chain.brokenAt, undefined);
  const rows = await f.databases[0]!.db.selectFrom('audit_events').select(['action', 'detail']).execute();
  const actions = new Set(rows.map((r) => r.action));
  for (const action of ['appointment.booked', 'appointment.requested', 'appointment.confirmed', 'appointment.declined', 'appointment.cancelled', 'appointment.rescheduled', 'waitlist.joined', 'waitlist.offered']) {
    assert.ok(actions.has(action), `missing ${action}`);
  }
  for (const row of rows) {
    for (const value of Object.values(row.detail)) assert.ok(value === null || ['string', 'number', 'boolean'].includes(typeof value));
    assert.ok(!JSON.stringify(row.detail).includes('4915550'), 'no phone numbers in audit details');
  }
});
