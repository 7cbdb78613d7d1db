/**
 * What staff do with appointments, and what patients are told, against a real database (PGlite;
 * PostgreSQL with HALE_TEST_DATABASE_URL): waitlist offers (template outside the 24-hour window,
 * the next in line when an offer expires or is declined), decisions on requests, the day list,
 * arrived / no-show, and the provider's calendar feed behind a secret URL.
 * The clock stands on Friday 2030-03-29 (Madrid).
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import pino from 'pino';
import { buildHttpApp } from '../src/adapters/http/build-http-app.ts';
import { registerCalendarFeedRoutes } from '../src/adapters/http/calendar-feed-routes.ts';
import { createPrometheusMetrics } from '../src/adapters/http/prometheus-metrics.ts';
import { answerWaitlistOffer } from '../src/app/answer-waitlist-offer.ts';
import { buildProviderFeed, providerFeedToken } from '../src/app/build-provider-feed.ts';
import { cancelAppointment } from '../src/app/cancel-appointment.ts';
import { confirmBooking } from '../src/app/confirm-booking.ts';
import { decideBookingRequest } from '../src/app/decide-booking-request.ts';
import { joinWaitlist } from '../src/app/join-waitlist.ts';
import { listIntakeAnswers } from '../src/app/list-intake-answers.ts';
import { listProviderDay } from '../src/app/list-provider-day.ts';
import { listProviders } from '../src/app/list-providers.ts';
import { markAttendance } from '../src/app/mark-attendance.ts';
import { offerSlotToNext } from '../src/app/offer-slot-to-next.ts';
import { rescheduleAppointment } from '../src/app/reschedule-appointment.ts';
import type { OutboundReply } from '../src/core/messages.ts';
import { DomainError } from '../src/core/domain-error.ts';
import { clinicConfigSchema } from '../src/core/clinic/clinic-config.ts';
import { buildTestClinic, openBookingFixture, type BookingFixture } from './support/booking-fixture.ts';

const base = buildTestClinic();
// The test clinic with the booking templates configured.
const clinic = clinicConfigSchema.parse({
  ...base,
  clinic: { ...base.clinic, address: 'Calle Mayor 1, Madrid' },
  templates: {
    waitlist_offer: { name: 'waitlist_offer', languages: { en: 'en' } },
    request_confirmed: { name: 'request_confirmed', languages: { en: 'en' } },
    request_declined: { name: 'request_declined', languages: { en: 'en' } },
  },
});
const friday = '2030-03-29T09:00:00Z';
let f: BookingFixture;
let deps: { tx: BookingFixture['tx']; clock: BookingFixture['clock']; clinic: typeof clinic };

before(async () => {
  f = await openBookingFixture();
  deps = { tx: f.tx, clock: f.clock, clinic };
});
beforeEach(() => f.clock.set(friday));
after(async () => {
  await f?.close();
});

const at = (iso: string) => new Date(iso);
const slot = (practitionerId: string, start: string, serviceId = 'consult') => ({ serviceId, practitionerId, start: at(start) });
const window = { from: at('2030-04-01T00:00:00Z'), to: at('2030-04-10T00:00:00Z') };

/** What the clinic queued for a patient, oldest first. */
async function sentTo(patientId: string): Promise<Array<{ reply: OutboundReply; businessInitiated: boolean }>> {
  const rows = await f.databases[0]!.db.selectFrom('communications').select(['content_enc', 'business_initiated']).where('patient_id', '=', patientId).where('direction', '=', 'outbound').orderBy('created_at').execute();
  return rows.map((r) => ({ reply: JSON.parse(f.cipher.decrypt(r.content_enc ?? '')) as OutboundReply, businessInitiated: r.business_initiated }));
}

async function noteInbound(patientId: string, at: Date): Promise<void> {
  await f.tx.run((repos) => repos.patients.noteInbound(patientId, at));
}

test('a freed slot: offered to the first in line (template outside the window), then to the next when the offer expires; first to confirm gets it', async () => {
  const [holder, w1, w2] = await f.createPatients(3);
  await joinWaitlist(deps, { patientId: w1!, serviceId: 'consult', practitionerId: 'any', ...window });
  f.clock.advanceMinutes(1);
  await joinWaitlist(deps, { patientId: w2!, serviceId: 'consult', practitionerId: 'dr-a', ...window });
  await noteInbound(w2!, f.clock.now()); // w2 wrote recently: a plain message with buttons
  const { appointment } = await confirmBooking(deps, { patientId: holder!, ...slot('dr-a', '2030-04-02T08:00:00Z') });

  const { waitlistOffer } = await cancelAppointment(deps, { appointmentId: appointment.id, actor: { type: 'patient', patientId: holder! } });
  assert.equal(waitlistOffer?.patientId, w1);
  const [offer] = await sentTo(w1!);
  assert.equal(offer?.businessInitiated, true);
  assert.deepEqual(offer?.reply, {
    kind: 'template',
    name: 'waitlist_offer',
    language: 'en',
    bodyParams: ['Consultation', 'Doctor 1', 'Tuesday, April 2 at 10:00 AM'],
    quickReplyPayloads: [`wl:yes:${waitlistOffer?.entryId}@${Date.parse('2030-04-02T08:00:00Z')}`, `wl:no:${waitlistOffer?.entryId}@${Date.parse('2030-04-02T08:00:00Z')}`],
  });
  assert.deepEqual(await sentTo(w2!), [], 'one patient at a time');

  // The job after the offer's 5 minutes: the next in line hears about it.
  f.clock.advanceMinutes(2);
  assert.equal((await offerSlotToNext(deps, slot('dr-a', '2030-04-02T08:00:00Z'))).offeredTo, undefined, 'not before the offer expires');
  f.clock.advanceMinutes(4);
  assert.equal((await offerSlotToNext(deps, slot('dr-a', '2030-04-02T08:00:00Z'))).offeredTo, w2);
  const [second] = await sentTo(w2!);
  assert.equal(second?.reply.kind, 'choices');
  assert.match(second?.reply.kind === 'choices' ? second.reply.text : '', /Consultation\* with Doctor 1/);

  // The first patient confirms late, but first: they get it; the second hears it is gone.
  const entries = await f.databases[0]!.db.selectFrom('waitlist_entries').select(['id', 'patient_id']).where('patient_id', 'in', [w1!, w2!]).execute();
  const entryOf = (p: string) => entries.find((e) => e.patient_id === p)?.id ?? '';
  const first = await answerWaitlistOffer(deps, { patientId: w1!, entryId: entryOf(w1!), start: at('2030-04-02T08:00:00Z'), accept: true });
  assert.equal(first.outcome, 'booked');
  assert.equal((await answerWaitlistOffer(deps, { patientId: w2!, entryId: entryOf(w2!), start: at('2030-04-02T08:00:00Z'), accept: true })).outcome, 'gone');
  assert.equal((await answerWaitlistOffer(deps, { patientId: w2!, entryId: entryOf(w1!), start: at('2030-04-02T08:00:00Z'), accept: true })).outcome, 'gone', 'not another patient\'s offer');
  // Nobody else is offered a booked slot.
  f.clock.advanceMinutes(10);
  assert.equal((await offerSlotToNext(deps, slot('dr-a', '2030-04-02T08:00:00Z'))).offeredTo, undefined);
});

test('declining an offer passes the slot to the next patient at once; patients who wrote STOP are passed over', async () => {
  const [holder, w1, w2, w3] = await f.createPatients(4);
  for (const p of [w1, w2, w3]) {
    await joinWaitlist(deps, { patientId: p!, serviceId: 'consult', practitionerId: 'dr-b', ...window });
    f.clock.advanceMinutes(1);
  }
  await f.tx.run((repos) => repos.patients.setOptedOut(w2!, true, f.clock.now()));
  const { appointment } = await confirmBooking(deps, { patientId: holder!, ...slot('dr-b', '2030-04-03T09:00:00Z') });
  const { waitlistOffer } = await cancelAppointment(deps, { appointmentId: appointment.id, actor: { type: 'staff', staffId: 'staff-1' } });
  assert.equal(waitlistOffer?.patientId, w1);
  assert.equal((await answerWaitlistOffer(deps, { patientId: w1!, entryId: waitlistOffer?.entryId ?? '', start: at('2030-04-03T09:00:00Z'), accept: false })).outcome, 'declined');
  // w2 wrote STOP and cannot be told: w3 hears about it at once.
  assert.deepEqual(await sentTo(w2!), []);
  assert.equal((await sentTo(w3!)).length, 1);
  const entries = await f.databases[0]!.db.selectFrom('waitlist_entries').select(['patient_id', 'state']).where('patient_id', 'in', [w1!, w2!, w3!]).execute();
  assert.deepEqual(Object.fromEntries(entries.map((e) => [e.patient_id, e.state])), { [w1!]: 'waiting', [w2!]: 'waiting', [w3!]: 'offered' }, 'who declined or could not be told waits for other times');
  // An answer to the declined offer is not accepted any more.
  assert.equal((await answerWaitlistOffer(deps, { patientId: w1!, entryId: waitlistOffer?.entryId ?? '', start: at('2030-04-03T09:00:00Z'), accept: true })).outcome, 'gone');
});

test('staff confirm or decline a request: the patient is told, in the same transaction', async () => {
  const [p1, p2] = await f.createPatients(2);
  await noteInbound(p1!, f.clock.now());
  const request = await confirmBooking(deps, { patientId: p1!, ...slot('dr-a', '2030-04-04T08:00:00Z', 'review') });
  assert.equal(request.appointment.status, 'pending');
  await decideBookingRequest(deps, { appointmentId: request.appointment.id, staffId: 'staff-1', decision: 'confirm' });
  await decideBookingRequest(deps, { appointmentId: request.appointment.id, staffId: 'staff-1', decision: 'confirm' });
  const told = await sentTo(p1!);
  assert.equal(told.length, 1, 'a repeated decision tells once');
  assert.match(told[0]?.reply.kind === 'text' ? told[0].reply.text : '', /confirmed your appointment: \*Review\* with Doctor 1.*\n📍 Calle Mayor 1, Madrid/s);
  const declined = await confirmBooking(deps, { patientId: p2!, ...slot('dr-b', '2030-04-04T08:00:00Z', 'review') });
  await decideBookingRequest(deps, { appointmentId: declined.appointment.id, staffId: 'staff-1', decision: 'decline' });
  assert.deepEqual((await sentTo(p2!)).map((m) => (m.reply.kind === 'template' ? m.reply.name : m.reply.kind)), ['request_declined'], 'outside the window: the template');
});

test('staff: providers, the day list with names (audited), move on behalf, arrived and no-show', async () => {
  const providers = listProviders(clinic);
  assert.deepEqual(providers.map((p) => [p.id, p.services]), [['dr-a', ['consult', 'review']], ['dr-b', ['consult', 'review']]]);
  const [p1, p2] = await f.createPatients(2);
  await f.tx.run((repos) => repos.patients.setDetails(p1!, { fullName: 'Ana Pérez', birthDate: '1980-02-01' }, f.clock.now()));
  const a1 = await confirmBooking(deps, { patientId: p1!, ...slot('dr-a', '2030-04-05T07:00:00Z'), staffId: 'staff-1' });
  const a2 = await confirmBooking(deps, { patientId: p2!, ...slot('dr-a', '2030-04-05T08:00:00Z') });
  await assert.rejects(confirmBooking(deps, { patientId: p2!, ...slot('dr-a', '2030-04-06T08:00:00Z') }), (e: unknown) => e instanceof DomainError && e.code === 'slot_unavailable', 'Saturday is closed');
  const moved = await rescheduleAppointment(deps, { appointmentId: a2.appointment.id, actor: { type: 'staff', staffId: 'staff-1' }, practitionerId: 'dr-a', start: at('2030-04-05T09:00:00Z') });

  const day = await listProviderDay(deps, { practitionerId: 'dr-a', date: '2030-04-05', staffId: 'staff-1' });
  assert.deepEqual(
    day.map((e) => [e.appointment.start.toISOString(), e.appointment.status, e.patient.fullName]),
    [
      ['2030-04-05T07:00:00.000Z', 'booked', 'Ana Pérez'],
      ['2030-04-05T08:00:00.000Z', 'cancelled', undefined],
      ['2030-04-05T09:00:00.000Z', 'booked', undefined],
    ],
  );
  const reads = await f.databases[0]!.db.selectFrom('audit_events').select(['actor_id', 'patient_id']).where('action', '=', 'appointment.day_list_read').execute();
  assert.deepEqual(new Set(reads.map((r) => r.patient_id)), new Set([p1, p2]), 'one audit row per patient shown');
  assert.ok(reads.every((r) => r.actor_id === 'staff-1'));

  await assert.rejects(markAttendance(deps, { appointmentId: a1.appointment.id, staffId: 'staff-1', status: 'arrived' }), (e: unknown) => e instanceof DomainError && e.code === 'invalid_input');
  f.clock.set('2030-04-05T06:55:00Z');
  assert.equal((await markAttendance(deps, { appointmentId: a1.appointment.id, staffId: 'staff-1', status: 'arrived' })).status, 'arrived');
  assert.equal((await markAttendance(deps, { appointmentId: a1.appointment.id, staffId: 'staff-1', status: 'arrived' })).status, 'arrived', 'twice is once');
  assert.equal((await markAttendance(deps, { appointmentId: moved.appointment.id, staffId: 'staff-1', status: 'noshow' })).status, 'noshow');
  await assert.rejects(markAttendance(deps, { appointmentId: a2.appointment.id, staffId: 'staff-1', status: 'arrived' }), (e: unknown) => e instanceof DomainError && e.code === 'conflict', 'a cancelled appointment');
});

test('a provider\'s calendar feed: the secret URL works without a session, carries no patient data; anything else is 404', async () => {
  const [p] = await f.createPatients(1);
  await f.tx.run((repos) => repos.patients.setDetails(p!, { fullName: 'Zoe Secretname', birthDate: '1990-01-01' }, f.clock.now()));
  await confirmBooking(deps, { patientId: p!, ...slot('dr-b', '2030-04-08T10:00:00Z') });
  const app = buildHttpApp({ logger: pino({ level: 'silent' }), metrics: createPrometheusMetrics(async () => ({})), readiness: async () => ({}) });
  registerCalendarFeedRoutes(app, { feed: (input) => buildProviderFeed({ ...deps, cipher: f.cipher }, input) });
  try {
    const token = providerFeedToken(f.cipher, 'dr-b');
    const ok = await app.inject({ method: 'GET', url: `/calendar/dr-b/${token}.ics` });
    assert.equal(ok.statusCode, 200);
    assert.match(String(ok.headers['content-type']), /^text\/calendar/);
    assert.match(ok.body, /DTSTART:20300408T100000Z/);
    assert.match(ok.body, /SUMMARY:Consultation/);
    assert.doesNotMatch(ok.body, /Secretname|1990/);
    for (const url of [`/calendar/dr-a/${token}.ics`, `/calendar/dr-b/${'0'.repeat(64)}.ics`, '/calendar/dr-zzz/abc.ics', `/calendar/dr-b/${token}`]) {
      assert.equal((await app.inject({ method: 'GET', url })).statusCode, 404, url);
    }
  } finally {
    await app.close();
  }
});

test('the busy-time read finds an appointment that began before the window and still runs into it, and nothing that ended', async () => {
  const [p] = await f.createPatients(1);
  const db = f.databases[0]!.db;
  const row = (practitioner: string, start: string, end: string) => ({ patient_id: p!, practitioner_id: practitioner, service_id: 'consult', start_at: at(start), end_at: at(end), status: 'booked' as const, mode: 'in_person' as const, booked_via: 'staff' as const, created_at: at(friday), updated_at: at(friday), cancelled_at: null, cancel_reason: null, rescheduled_from: null });
  await db.insertInto('appointments').values([row('dr-x1', '2030-04-10T01:00:00Z', '2030-04-10T08:59:00Z'), row('dr-x2', '2030-04-10T02:00:00Z', '2030-04-10T09:00:00Z'), row('dr-x3', '2030-04-10T06:00:00Z', '2030-04-10T13:30:00Z'), row('dr-x4', '2030-04-10T17:00:00Z', '2030-04-10T17:30:00Z')]).execute();
  const busy = await f.tx.run((repos) => repos.appointments.busyTimes(['dr-x1', 'dr-x2', 'dr-x3', 'dr-x4'], { from: at('2030-04-10T09:00:00Z'), to: at('2030-04-10T17:00:00Z') }, { now: at(friday) }));
  assert.deepEqual(
    busy.flatMap((b) => b.intervals).map((i) => [new Date(i.start).toISOString(), new Date(i.end).toISOString()]),
    [['2030-04-10T06:00:00.000Z', '2030-04-10T13:30:00.000Z']],
  );
});

test('staff read the pre-visit answers of an appointment (decrypted, audited); the stored items are not readable in the database', async () => {
  const [p] = await f.createPatients(1);
  const { appointment } = await confirmBooking(deps, { patientId: p!, ...slot('dr-b', '2030-04-09T10:00:00Z') });
  const items = [{ linkId: 'reason', text: 'Reason?', answer: { kind: 'text' as const, value: 'Rash on both arms' } }, { linkId: 'medication', text: 'Medication?', answer: { kind: 'boolean' as const, value: false } }];
  await f.tx.run((repos) => repos.questionnaires.insert({ patientId: p!, appointmentId: appointment.id, questionnaire: 'intake/consult', items, source: 'patient', at: f.clock.now() }));
  const stored = await f.databases[0]!.db.selectFrom('questionnaire_responses').select('items_enc').where('appointment_id', '=', appointment.id).executeTakeFirstOrThrow();
  assert.doesNotMatch(stored.items_enc ?? '', /Rash/);
  assert.ok(stored.items_enc !== null);
  const read = await listIntakeAnswers(deps, { appointmentId: appointment.id, staffId: 'staff-2' });
  assert.equal(read.length, 1);
  assert.deepEqual(read[0]?.items, items);
  assert.equal(read[0]?.questionnaire, 'intake/consult');
  const audit = await f.databases[0]!.db.selectFrom('audit_events').select(['actor_id', 'entity_id']).where('action', '=', 'questionnaire_response.read').execute();
  assert.deepEqual(audit.map((a) => [a.actor_id, a.entity_id]), [['staff-2', read[0]?.id]]);
});
