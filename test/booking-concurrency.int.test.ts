/**
 * Issue #5's definition of done: 50 patients confirm the same slot at once → exactly one
 * appointment and 49 polite refusals with alternatives. Runs on PGlite (one connection: the
 * confirmations queue) and, with HALE_TEST_DATABASE_URL, on PostgreSQL with two pools (two
 * Hale processes) so the transactions truly overlap.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { cancelAppointment } from '../src/app/cancel-appointment.ts';
import { confirmBooking } from '../src/app/confirm-booking.ts';
import { holdSlot } from '../src/app/hold-slot.ts';
import { joinWaitlist } from '../src/app/join-waitlist.ts';
import { rescheduleAppointment } from '../src/app/reschedule-appointment.ts';
import { DomainError } from '../src/core/domain-error.ts';
import type { AvailableSlot } from '../src/core/scheduling/find-availability.ts';
import type { DomainErrorCode } from '../src/core/domain-error.ts';
import { buildTestClinic, openBookingFixture, type BookingFixture } from './support/booking-fixture.ts';

const clinic = buildTestClinic();
let f: BookingFixture;
let patients: string[];

before(async () => {
  f = await openBookingFixture({ poolSize: 10, processes: 2 });
  // Friday before the spring clock change in Madrid (Sunday 2030-03-31): slots on Monday are CEST.
  f.clock.set('2030-03-29T09:00:00Z');
  patients = await f.createPatients(50);
});

after(async () => {
  await f?.close();
});

const deps = (i: number) => ({ tx: f.transactors[i % f.transactors.length]!, clock: f.clock, clinic });

async function activeAppointmentsAt(practitionerId: string, start: Date): Promise<Array<{ patient_id: string }>> {
  return f.databases[0]!.db
    .selectFrom('appointments')
    .select('patient_id')
    .where('practitioner_id', '=', practitionerId)
    .where('start_at', '=', start)
    .where('status', 'in', ['pending', 'booked', 'arrived'])
    .execute();
}

function assertPoliteRefusals(results: PromiseSettledResult<unknown>[], lost: { practitionerId: string; start: Date }): void {
  for (const r of results) {
    if (r.status === 'fulfilled') continue;
    assert.ok(r.reason instanceof DomainError, `unexpected failure: ${String(r.reason)}`);
    assert.equal(r.reason.code, 'slot_unavailable');
    const alternatives = r.reason.details['alternatives'] as AvailableSlot[];
    assert.ok(alternatives.length >= 1 && alternatives.length <= 3, `${alternatives.length} alternatives`);
    for (const alt of alternatives) {
      assert.ok(!(alt.practitionerId === lost.practitionerId && alt.start.getTime() === lost.start.getTime()), 'the lost slot is not offered again');
    }
  }
}

test('50 patients confirm the same slot at once: one appointment, 49 slot_unavailable with alternatives', async () => {
  const slot = { serviceId: 'consult', practitionerId: 'dr-a', start: new Date('2030-04-01T08:00:00Z') }; // 10:00 CEST
  const results = await Promise.allSettled(patients.map((patientId, i) => confirmBooking(deps(i), { patientId, ...slot })));
  const won = results.filter((r) => r.status === 'fulfilled');
  assert.equal(won.length, 1, `${won.length} patients got the slot`);
  assert.equal(results.filter((r) => r.status === 'rejected').length, 49);
  assertPoliteRefusals(results, slot);
  const rows = await activeAppointmentsAt(slot.practitionerId, slot.start);
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.patient_id, (won[0] as PromiseFulfilledResult<{ appointment: { patientId: string } }>).value.appointment.patientId);
});

test('50 patients hold the same slot at once: one hold; its owner books it, the others cannot', async () => {
  const slot = { serviceId: 'consult', practitionerId: 'dr-b', start: new Date('2030-04-01T09:30:00Z') };
  const holds = await Promise.allSettled(patients.map((patientId, i) => holdSlot(deps(i), { patientId, ...slot })));
  const held = holds.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  assert.equal(held.length, 1, `${held.length} holds`);
  assertPoliteRefusals(holds, slot);

  // Everyone confirms at once: the hold's owner wins, whatever the order.
  const winner = held[0]!.patientId;
  const confirms = await Promise.allSettled(
    patients.map((patientId, i) => confirmBooking(deps(i), { patientId, ...slot, ...(patientId === winner ? { holdId: held[0]!.id } : {}) })),
  );
  const booked = confirms.flatMap((r) => (r.status === 'fulfilled' ? [r.value.appointment] : []));
  assert.deepEqual(booked.map((a) => a.patientId), [winner]);
  assertPoliteRefusals(confirms, slot);
  assert.equal((await activeAppointmentsAt(slot.practitionerId, slot.start)).length, 1);
  const left = await f.databases[0]!.db.selectFrom('slot_holds').select('id').where('patient_id', '=', winner).execute();
  assert.equal(left.length, 0, 'the hold is released once booked');
});

test('the database guard alone (no lock, no availability check): 50 concurrent overlapping inserts → one row, 49 refusals', async () => {
  const base = Date.parse('2030-04-02T08:00:00Z');
  const results = await Promise.all(
    patients.map((patientId, i) =>
      f.transactors[i % f.transactors.length]!.run(async (repos) => {
        const start = new Date(base + (i % 25) * 60_000); // every interval overlaps every other
        const result = await repos.appointments.insert({
          patientId,
          practitionerId: 'dr-a',
          serviceId: 'consult',
          start,
          end: new Date(start.getTime() + 30 * 60_000),
          status: i % 2 === 0 ? 'booked' : 'pending',
          mode: 'in_person',
          bookedVia: 'staff',
          at: f.clock.now(),
        });
        // A refusal leaves the transaction usable (it ran under a savepoint).
        await repos.appointments.listForPatient(patientId, { limit: 1 });
        return result.ok;
      }),
    ),
  );
  assert.equal(results.filter(Boolean).length, 1, `${results.filter(Boolean).length} inserts succeeded`);
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM appointments WHERE practitioner_id = 'dr-a' AND start_at >= ${new Date(base)}::timestamptz AND start_at < ${new Date(base + 3_600_000)}::timestamptz`.execute(f.databases[0]!.db);
  assert.equal(rows[0]!.n, 1);
});

test('a storm of holds, bookings, moves and cancellations: no deadlock, no overlap, only domain errors', async () => {
  const stepClinic = buildTestClinic({ scheduling: { slotStepMinutes: 15, holdMinutes: 1 } });
  const doctors = ['dr-a', 'dr-b'];
  // Wednesday 2030-04-03: 40 quarter-hour starts per doctor (the last ones do not fit a 30-minute visit).
  const starts = Array.from({ length: 40 }, (_, i) => new Date(Date.parse('2030-04-03T06:00:00Z') + i * 15 * 60_000));
  let seed = 42;
  const pick = <T>(items: readonly T[]): T => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return items[seed % items.length] as T;
  };
  const booked: string[] = [];
  const outcomes = new Map<string, number>();
  const operation = async (i: number): Promise<void> => {
    const d = { tx: f.transactors[i % f.transactors.length]!, clock: f.clock, clinic: stepClinic };
    const patientId = pick(patients);
    const wanted = { serviceId: pick(['consult', 'review']), practitionerId: pick(doctors), start: pick(starts) };
    const staff = { type: 'staff' as const, staffId: 'staff-storm' };
    const kind = pick(['hold', 'hold', 'book', 'book', 'book', 'cancel', 'cancel', 'move', 'waitlist']);
    try {
      if (kind === 'hold') await holdSlot(d, { patientId, ...wanted });
      else if (kind === 'book') booked.push((await confirmBooking(d, { patientId, ...wanted })).appointment.id);
      else if (kind === 'cancel' && booked.length > 0) await cancelAppointment(d, { appointmentId: pick(booked), actor: staff });
      else if (kind === 'move' && booked.length > 0) booked.push((await rescheduleAppointment(d, { appointmentId: pick(booked), actor: staff, practitionerId: wanted.practitionerId, start: wanted.start })).appointment.id);
      else if (kind === 'waitlist') await joinWaitlist(d, { patientId, serviceId: 'consult', from: starts[0]!, to: starts.at(-1)! });
      outcomes.set(`${kind}.ok`, (outcomes.get(`${kind}.ok`) ?? 0) + 1);
    } catch (error) {
      assert.ok(error instanceof DomainError, `${kind}: ${String(error)}`);
      const expected: DomainErrorCode[] = ['slot_unavailable', 'conflict'];
      assert.ok(expected.includes(error.code), `${kind}: ${error.code} ${error.message}`);
    }
  };
  let next = 0;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (next < 600) {
        const i = next++;
        if (i % 100 === 99) f.clock.advanceMinutes(1); // holds expire along the way
        await operation(i);
      }
    }),
  );
  assert.ok((outcomes.get('book.ok') ?? 0) > 10 && (outcomes.get('cancel.ok') ?? 0) > 10, JSON.stringify(Object.fromEntries(outcomes)));
  const db = f.databases[0]!.db;
  const overlaps = await sql<{ n: number }>`SELECT count(*)::int AS n FROM appointments a JOIN appointments b
    ON a.practitioner_id = b.practitioner_id AND a.id < b.id AND tstzrange(a.start_at, a.end_at) && tstzrange(b.start_at, b.end_at)
    WHERE a.status IN ('proposed', 'pending', 'booked', 'arrived') AND b.status IN ('proposed', 'pending', 'booked', 'arrived')`.execute(db);
  assert.equal(overlaps.rows[0]!.n, 0, 'overlapping active appointments');
  const heldOver = await sql<{ n: number }>`SELECT count(*)::int AS n FROM slot_holds h JOIN appointments a
    ON a.practitioner_id = h.practitioner_id AND a.patient_id <> h.patient_id AND tstzrange(a.start_at, a.end_at) && tstzrange(h.start_at, h.end_at)
    WHERE a.status IN ('proposed', 'pending', 'booked', 'arrived') AND h.expires_at > ${f.clock.now()}::timestamptz`.execute(db);
  assert.equal(heldOver.rows[0]!.n, 0, "live holds over another patient's appointment");
});
