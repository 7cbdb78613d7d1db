/**
 * The busy-time cache (ADR 17) answers exactly what the database read answers, refetches only the
 * practitioners whose version moved, and sees a change committed by another process at once
 * (PostgreSQL: two pools, as two Hale processes; PGlite: the one connection).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createBusyTimeCache } from '../src/adapters/db/busy-time-cache.ts';
import { appointmentsRepository } from '../src/adapters/db/appointments-repository.ts';
import type { BusyTimes } from '../src/app/ports.ts';
import { openBookingFixture, type BookingFixture } from './support/booking-fixture.ts';

let f: BookingFixture;
before(async () => {
  f = await openBookingFixture({ processes: 2 });
});
after(async () => {
  await f?.close();
});

const minute = 60_000;
const base = Date.parse('2030-04-01T06:00:00Z');

/** Sorted, so two answers compare regardless of row order. */
function normalized(groups: BusyTimes[]): string[] {
  return groups.flatMap((g) => g.intervals.map((i) => `${g.practitionerId} ${g.serviceId} ${i.start} ${i.end}`)).sort();
}

async function insertAppointment(db: BookingFixture['databases'][number]['db'], patientId: string, practitionerId: string, startMinutes: number, minutes: number, status: 'booked' | 'cancelled' = 'booked') {
  const start = new Date(base + startMinutes * minute);
  const row = await db
    .insertInto('appointments')
    .values({ patient_id: patientId, practitioner_id: practitionerId, service_id: 'consult', start_at: start, end_at: new Date(start.getTime() + minutes * minute), status, mode: 'in_person', booked_via: 'staff', created_at: new Date(), updated_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

test('answers like the database read, from memory until a practitioner changes, across processes', async () => {
  const [p1, p2, p3] = await f.createPatients(3);
  const first = f.databases[0]!.db;
  // The other process (PostgreSQL: its own pool); PGlite has one connection.
  const second = f.databases[f.databases.length - 1]!.db;
  for (let i = 0; i < 12; i++) await insertAppointment(first, p1!, i % 2 === 0 ? 'dr-a' : 'dr-b', i * 45, 30, i === 5 ? 'cancelled' : 'booked');
  await first
    .insertInto('slot_holds')
    .values([
      { patient_id: p2!, practitioner_id: 'dr-a', service_id: 'consult', start_at: new Date(base + 600 * minute), end_at: new Date(base + 630 * minute), created_at: new Date(base - 60 * minute), expires_at: new Date(base - 30 * minute) },
      { patient_id: p3!, practitioner_id: 'dr-b', service_id: 'consult', start_at: new Date(base + 660 * minute), end_at: new Date(base + 690 * minute), created_at: new Date(base - 60 * minute), expires_at: new Date(base + 60 * minute) },
    ])
    .execute();

  const cache = createBusyTimeCache(first);
  const repository = appointmentsRepository(first);
  const ids = ['dr-a', 'dr-b'];
  const windows = [
    { from: new Date(base - 120 * minute), to: new Date(base + 14 * 24 * 60 * minute) },
    { from: new Date(base + 100 * minute), to: new Date(base + 400 * minute) },
  ];
  // `now` before the first hold's expiry and after it; each patient's own hold ignored or not.
  const readings = [
    { now: new Date(base - 45 * minute) },
    { now: new Date(base - 10 * minute) },
    { now: new Date(base - 45 * minute), ignoreHoldsOf: p2! },
    { now: new Date(base - 10 * minute), ignoreHoldsOf: p3! },
  ];
  const compare = async (label: string) => {
    for (const window of windows) {
      for (const reading of readings) {
        assert.deepEqual(normalized(await cache.busyTimes(ids, window, reading)), normalized(await repository.busyTimes(ids, window, reading)), `${label}: ${window.from.toISOString()} ${JSON.stringify(reading)}`);
      }
    }
  };
  await compare('cold');
  const afterCold = cache.stats();
  assert.equal(afterCold.misses, 2, 'one fetch per practitioner for the first search; the window it loaded covers the others');
  await compare('warm');
  assert.equal(cache.stats().misses, 2, 'nothing refetched while nothing changed');
  assert.ok(cache.stats().hits >= 30);

  // Another process books dr-b: the very next search sees it, and only dr-b is refetched.
  const added = await insertAppointment(second, p2!, 'dr-b', 900, 30);
  const seen = await cache.busyTimes(ids, windows[0]!, readings[0]!);
  assert.ok(normalized(seen).some((line) => line.startsWith(`dr-b consult ${base + 900 * minute} `)), 'the new appointment blocks its time at once');
  assert.equal(cache.stats().misses, 3, 'only the changed practitioner was read again');
  await compare('after a booking elsewhere');

  // A cancellation frees the time at once too; so does a hold taken and released.
  await second.updateTable('appointments').set({ status: 'cancelled' }).where('id', '=', added).execute();
  assert.ok(!normalized(await cache.busyTimes(ids, windows[0]!, readings[0]!)).some((line) => line.startsWith(`dr-b consult ${base + 900 * minute} `)));
  await second.insertInto('slot_holds').values({ patient_id: p1!, practitioner_id: 'dr-a', service_id: 'consult', start_at: new Date(base + 1200 * minute), end_at: new Date(base + 1230 * minute), created_at: new Date(base - 60 * minute), expires_at: new Date(base + 60 * minute) }).execute();
  await compare('after a hold elsewhere');
  await second.deleteFrom('slot_holds').where('patient_id', '=', p1!).execute();
  await compare('after the hold was released');
  // Moves read the database (the moved appointment is left out there).
  const moving = await cache.busyTimes(ids, windows[0]!, { now: readings[0]!.now, ignoreAppointmentId: added });
  assert.deepEqual(normalized(moving), normalized(await repository.busyTimes(ids, windows[0]!, { now: readings[0]!.now, ignoreAppointmentId: added })));
});
