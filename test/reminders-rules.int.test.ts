/**
 * The rules around reminders, through a real Hale and the simulator on a settable clock: the
 * daily unique-recipient limit defers overflow and warns staff (without PHI); N missed doses in a
 * row alert staff; the attendance rule records no-shows after the slot ends; the no-show rate by
 * reminder outcome is a query.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { confirmBooking } from '../src/app/confirm-booking.ts';
import { waitFor } from './support/start-test-hale.ts';
import { startTestStack, type TestStack } from './support/start-test-stack.ts';

let now = new Date('2026-12-01T09:00:00Z'); // Tuesday 10:00 in Madrid
const clock = { now: () => new Date(now) };
const setClock = (iso: string) => void (now = new Date(iso));

let s: TestStack;
before(async () => {
  const demo = await readFile(path.resolve(import.meta.dirname, '../config/demo-clinic.yaml'), 'utf8');
  const dir = await mkdtemp(path.join(tmpdir(), 'hale-reminder-rules-'));
  const file = path.join(dir, 'clinic.yaml');
  await writeFile(file, demo.replace('dailyRecipientLimit: 1000', 'dailyRecipientLimit: 2'));
  s = await startTestStack({ CLINIC_CONFIG: file }, { clock, reminders: { pollMs: 50, housekeepingMs: 3_600_000 } }, { now: () => now.getTime() });
});
after(async () => {
  await s?.close();
});

async function consentedPatient(waId: string): Promise<string> {
  return s.hale.tx.run(async (repos) => {
    const patient = await repos.patients.create({ waId }, clock.now());
    await repos.consents.record({ patientId: patient.id, decision: 'granted', policyVersion: s.hale.clinic.consent.version, at: clock.now() });
    return patient.id;
  });
}

test('the daily recipient limit defers the overflow and warns staff once, without PHI', { timeout: 60_000 }, async () => {
  const patients = [await consentedPatient('34666000001'), await consentedPatient('34666000002'), await consentedPatient('34666000003')];
  for (const patientId of patients) await s.hale.reminders.createFollowUp({ patientId, kind: 'screening', dueOn: '2026-11-30', staffId: 'staff-1' });
  const rows = () => s.hale.db.selectFrom('reminders').selectAll().where('kind', '=', 'follow_up').execute();
  await waitFor(async () => (await rows()).filter((r) => r.state === 'sent').length === 2 && (await rows()).some((r) => r.deferred_reason === 'daily_limit'), 'two sent, one deferred');
  const alerts = await s.hale.db.selectFrom('staff_alerts').selectAll().where('kind', '=', 'daily_limit_reached').execute();
  assert.equal(alerts.length, 1);
  assert.deepEqual(alerts[0]?.detail, { limit: 2, deferred: 1 });

  // 25 hours later the 24-hour window has room again.
  setClock('2026-12-02T10:00:00Z');
  await waitFor(async () => (await rows()).every((r) => r.state === 'sent'), 'the deferred reminder to be sent');
});

test('three missed doses in a row alert staff once', { timeout: 60_000 }, async () => {
  setClock('2026-12-02T10:30:00Z');
  const patientId = await consentedPatient('34666000010');
  const plan = await s.hale.reminders.createMedicationPlan({ patientId, medication: 'Insulin', doseText: '10 units', times: ['12:00'], startDate: '2026-12-02', staffId: 'staff-1' });
  for (const day of ['2026-12-03', '2026-12-04', '2026-12-05']) {
    setClock(`${day}T16:00:00Z`);
    await s.hale.reminders.housekeepingOnce();
  }
  const doses = await s.hale.db.selectFrom('medication_doses').select('state').where('plan_id', '=', plan.id).where('scheduled_at', '<', new Date('2026-12-05T16:00:00Z')).execute();
  assert.ok(doses.length >= 3 && doses.every((d) => d.state === 'missed'), JSON.stringify(doses));
  const alerts = await s.hale.db.selectFrom('staff_alerts').selectAll().where('kind', '=', 'missed_doses').where('subject_id', '=', plan.id).execute();
  assert.equal(alerts.length, 1, 'one alert per run of missed doses');
  assert.ok(Number((alerts[0]?.detail as { inARow?: number }).inARow) >= 3);
});

test('no-shows after the slot ends, attendance by staff, and the no-show rate by reminder outcome', { timeout: 60_000 }, async () => {
  setClock('2026-12-07T08:00:00Z'); // Monday 09:00 in Madrid
  const deps = { tx: s.hale.tx, clock, clinic: s.hale.clinic };
  const [a, b] = [await consentedPatient('34666000020'), await consentedPatient('34666000021')];
  const { appointment: missed } = await confirmBooking(deps, { patientId: a, serviceId: 'gp-visit', practitionerId: 'dr-torres', start: new Date('2026-12-09T10:00:00Z') });
  const { appointment: kept } = await confirmBooking(deps, { patientId: b, serviceId: 'gp-visit', practitionerId: 'dr-torres', start: new Date('2026-12-09T11:00:00Z') });
  await s.hale.tx.run(async (repos) => {
    await repos.carePlans.markConfirmed(kept.id, clock.now());
  });
  setClock('2026-12-09T13:00:00Z'); // both ended more than an hour ago
  await s.hale.reminders.markAttendance({ appointmentId: kept.id, attendance: 'attended', staffId: 'staff-1' });
  const result = await s.hale.reminders.housekeepingOnce();
  assert.ok(result.attendanceRecorded >= 1);
  const rows = await s.hale.db.selectFrom('appointments').select(['id', 'status', 'attendance']).where('id', 'in', [missed.id, kept.id]).execute();
  assert.deepEqual(Object.fromEntries(rows.map((r) => [r.id, [r.status, r.attendance]])), { [missed.id]: ['noshow', 'no_show'], [kept.id]: ['fulfilled', 'attended'] });
  await s.hale.db.updateTable('reminders').set({ outcome: 'confirmed' }).where('subject_id', '=', kept.id).where('state', '=', 'sent').execute();
  const rates = await s.hale.reminders.noShowRateByReminderOutcome({ from: new Date('2026-12-09T00:00:00Z'), to: new Date('2026-12-10T00:00:00Z') });
  const total = rates.reduce((n, r) => n + r.appointments, 0);
  assert.equal(total, 2);
  assert.equal(rates.reduce((n, r) => n + r.noShows, 0), 1);
  for (const r of rates) assert.equal(r.rate, r.noShows / r.appointments);
});
