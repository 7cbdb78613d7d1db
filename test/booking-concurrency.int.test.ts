/**
 * Issue #5's definition of done: 50 patients confirm the same slot at once → exactly one
 * appointment and 49 polite refusals with alternatives. Runs on PGlite (one connection: the
 * confirmations queue) and, with HALE_TEST_DATABASE_URL, on PostgreSQL with two pools (two
 * Hale processes) so the transactions truly overlap.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { confirmBooking } from '../src/app/confirm-booking.ts';
import { holdSlot } from '../src/app/hold-slot.ts';
import { DomainError } from '../src/core/domain-error.ts';
import type { AvailableSlot } from '../src/core/scheduling/find-availability.ts';
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
