/**
 * Reminders end to end through the simulator (real Hale, real HTTP, the demo clinic with a
 * 12-hour cut-off) on a settable clock: a 24-hour reminder goes out as the approved template
 * outside the window and Confirm is recorded; Reschedule leads into booking and moves the
 * appointment; a reminder due in quiet hours arrives at 08:00; a dose prompt is snoozed then
 * taken; a refill reminder's button creates a refill request; after STOP nothing more is sent.
 */
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { confirmBooking } from '../src/app/confirm-booking.ts';
import { buttonsOf, patientChat, rowsOf, type SimMessage } from './support/patient-chat.ts';
import { waitFor } from './support/start-test-hale.ts';
import { startTestStack, type TestStack } from './support/start-test-stack.ts';

let now = new Date('2026-11-30T08:00:00Z'); // Monday 09:00 in Madrid
const clock = { now: () => new Date(now) };
const setClock = (iso: string) => void (now = new Date(iso));

let s: TestStack;
before(async () => {
  const demo = await readFile(path.resolve(import.meta.dirname, '../config/demo-clinic.yaml'), 'utf8');
  const dir = await mkdtemp(path.join(tmpdir(), 'hale-reminders-'));
  const file = path.join(dir, 'clinic.yaml');
  await writeFile(file, demo.replace('cancellationCutoffHours: 24', 'cancellationCutoffHours: 12'));
  // Hale and the simulated WhatsApp share the clock, so the 24-hour window is judged alike.
  s = await startTestStack({ CLINIC_CONFIG: file }, { clock, reminders: { pollMs: 50, housekeepingMs: 200 } }, { now: () => now.getTime() });
});
after(async () => {
  await s?.close();
});

const chat = () => patientChat(s);
const deps = () => ({ tx: s.hale.tx, clock, clinic: s.hale.clinic });

async function phone(waId: string): Promise<SimMessage[]> {
  return (await s.sim<{ messages: SimMessage[] }>('GET', `/conversations/${waId}`)).messages;
}

type TemplateMessage = SimMessage & { template?: { name: string; language: { code: string } }; rendered?: { buttons: Array<{ text: string; payload?: string }> } };

/** Waits for the next template (business-initiated) message at the phone. */
async function nextTemplate(waId: string, name: string, after: number): Promise<TemplateMessage> {
  let found: TemplateMessage | undefined;
  await waitFor(async () => {
    found = ((await phone(waId)).slice(after) as TemplateMessage[]).find((m) => m.direction === 'outbound' && m.type === 'template' && m.template?.name === name);
    return found !== undefined;
  }, `${name} for ${waId}`);
  return found as TemplateMessage;
}

/** Waits for the next reminder (template, or buttons while the window is open) and says how to tap its buttons. */
async function nextReminder(waId: string, after: number) {
  let found: TemplateMessage | undefined;
  await waitFor(async () => {
    found = ((await phone(waId)).slice(after) as TemplateMessage[]).find((m) => m.direction === 'outbound' && (m.type === 'template' || m.type === 'interactive'));
    return found !== undefined;
  }, `a reminder for ${waId}`);
  const message = found as TemplateMessage;
  const payloads = message.type === 'template' ? (message.rendered?.buttons ?? []).map((b) => b.payload ?? '') : buttonsOf(message).map((b) => b.id);
  return {
    message,
    payloads,
    tap: (payload: string, title: string) =>
      chat().say(waId, message.type === 'template' ? { type: 'button', payload, text: title } : { type: 'interactive', button_reply: { id: payload, title } }),
  };
}

/** A consented patient with name and date of birth on file (as after a first booking). */
async function consentedPatient(waId: string, name: string): Promise<string> {
  await chat().say(waId, { name, text: 'Hello' });
  await chat().say(waId, { type: 'interactive', button_reply: { id: 'consent:agree', title: 'I agree' } });
  const patientId = await chat().patientId(waId);
  await s.hale.tx.run((repos) => repos.patients.setDetails(patientId, { fullName: name, birthDate: '1980-01-01' }, clock.now()));
  return patientId;
}

async function book(patientId: string, startIso: string) {
  const { appointment } = await confirmBooking(deps(), { patientId, serviceId: 'gp-visit', practitionerId: 'dr-torres', start: new Date(startIso) });
  return appointment;
}

const reminderRows = (subjectId: string) => s.hale.db.selectFrom('reminders').selectAll().where('subject_id', '=', subjectId).orderBy('due_at').execute();

test('24-hour reminder outside the window: the approved template, Confirm is recorded', { timeout: 60_000 }, async () => {
  const waId = '34655000001';
  const patientId = await consentedPatient(waId, 'Emily Clarke');
  const appointment = await book(patientId, '2026-12-02T09:00:00Z'); // Wednesday 10:00 in Madrid
  assert.deepEqual((await reminderRows(appointment.id)).map((r) => [r.key.split(':')[2], r.state]), [['1440', 'planned'], ['120', 'planned']]);

  const before = (await phone(waId)).length;
  setClock('2026-12-01T09:00:30Z'); // the patient last wrote days ago (as Hale sees it): the window is closed
  const reminder = await nextTemplate(waId, 'appointment_reminder', before);
  assert.equal(reminder.template?.language.code, 'en');
  assert.match(reminder.text ?? '', /Hello Emily, this is a reminder of your appointment with Dr\. Ana Torres/);
  assert.deepEqual(reminder.rendered?.buttons.map((b) => b.payload), [`rem:confirm:${appointment.id}`, `rem:reschedule:${appointment.id}:gp-visit`, `rem:cancel:${appointment.id}`]);

  const replies = await chat().say(waId, { type: 'button', payload: `rem:confirm:${appointment.id}`, text: 'Confirm' });
  assert.match(replies.map((m) => m.text ?? '').join('\n'), /Thank you for confirming/);
  const row = await s.hale.db.selectFrom('appointments').select(['confirmed_at', 'status']).where('id', '=', appointment.id).executeTakeFirstOrThrow();
  assert.ok(row.confirmed_at !== null, 'the appointment is confirmed');
  const [first] = await reminderRows(appointment.id);
  assert.equal(first?.state, 'sent');
  assert.equal(first?.sent_as, 'template');
  assert.equal(first?.outcome, 'confirmed');
  const unconfirmed = await s.hale.reminders.listUnconfirmed({ from: new Date('2026-12-01T00:00:00Z'), to: new Date('2026-12-10T00:00:00Z') });
  assert.ok(!unconfirmed.some((u) => u.appointmentId === appointment.id), 'confirmed appointments are not on the staff list');
  const audit = await s.hale.db.selectFrom('audit_events').select('action').where('patient_id', '=', patientId).execute();
  assert.ok(audit.some((a) => a.action === 'reminder.sent') && audit.some((a) => a.action === 'appointment.confirmed_by_patient'));
});

test('Reschedule from the reminder leads into booking and moves the appointment', { timeout: 90_000 }, async () => {
  const waId = '34655000002';
  const patientId = await consentedPatient(waId, 'Jonas Berg');
  const appointment = await book(patientId, '2026-12-03T09:00:00Z'); // Thursday 10:00 in Madrid
  const unconfirmed = await s.hale.reminders.listUnconfirmed({ from: new Date('2026-12-01T00:00:00Z'), to: new Date('2026-12-10T00:00:00Z') });
  assert.ok(unconfirmed.some((u) => u.appointmentId === appointment.id), 'staff see it as unconfirmed');

  const before = (await phone(waId)).length;
  setClock('2026-12-02T09:00:30Z');
  await nextTemplate(waId, 'appointment_reminder', before);
  let days = await chat().say(waId, { type: 'button', payload: `rem:reschedule:${appointment.id}:gp-visit`, text: 'Reschedule' });
  // A service with several providers asks "who" first; "anyone" leads to the days.
  if (rowsOf(days.at(-1)).some((r) => r.id === 'prov:any')) days = await chat().say(waId, { type: 'interactive', list_reply: { id: 'prov:any', title: 'Anyone' } });
  const day = rowsOf(days.at(-1)).filter((r) => r.id.startsWith('day:')).at(-1);
  assert.ok(day, `days offered: ${JSON.stringify(days)}`);
  const times = await chat().say(waId, { type: 'interactive', list_reply: { id: day.id, title: day.title } });
  const slot = rowsOf(times.at(-1)).find((r) => r.id.startsWith('slot:'));
  assert.ok(slot, `times offered: ${JSON.stringify(times)}`);
  const confirm = await chat().say(waId, { type: 'interactive', list_reply: { id: slot.id, title: slot.title } });
  const bookIt = buttonsOf(confirm.at(-1)).find((b) => b.id === 'book:confirm');
  assert.ok(bookIt, `confirm: ${JSON.stringify(confirm)}`);
  const booked = await chat().say(waId, { type: 'interactive', button_reply: { id: bookIt.id, title: bookIt.title } });
  assert.match(booked.map((m) => m.text ?? '').join('\n'), /appointment is moved/);

  const rows = await s.hale.db.selectFrom('appointments').selectAll().where('patient_id', '=', patientId).orderBy('created_at').execute();
  assert.equal(rows.length, 2);
  assert.equal(rows[0]?.status, 'cancelled');
  assert.equal(rows[0]?.cancel_reason, 'rescheduled');
  assert.equal(rows[1]?.status, 'booked');
  assert.equal(rows[1]?.rescheduled_from, appointment.id);
  const old = await reminderRows(appointment.id);
  assert.equal(old[0]?.outcome, 'rescheduled');
  assert.equal(old[1]?.state, 'cancelled', 'the moved appointment’s pending reminder is cancelled');
  assert.ok((await reminderRows(rows[1]!.id)).some((r) => r.state === 'planned'), 'the new appointment has its reminders');
});

test('a reminder due in quiet hours waits and arrives at 08:00 local time', { timeout: 60_000 }, async () => {
  const waId = '34655000003';
  setClock('2026-12-03T12:00:00Z');
  const patientId = await consentedPatient(waId, 'Marta Gil');
  const appointment = await book(patientId, '2026-12-04T08:00:00Z'); // Friday 09:00 in Madrid: the 2-hour reminder is due at 07:00
  assert.deepEqual((await reminderRows(appointment.id)).map((r) => r.key.split(':')[2]), ['120'], 'the 24-hour reminder is already past');
  const before = (await phone(waId)).length;

  setClock('2026-12-04T06:00:30Z'); // 07:00 in Madrid: quiet
  await waitFor(async () => (await reminderRows(appointment.id))[0]?.deferred_reason === 'quiet_hours', 'the reminder to be deferred');
  const [deferred] = await reminderRows(appointment.id);
  assert.equal(deferred?.state, 'planned');
  assert.equal(new Date(deferred!.send_after).toISOString(), '2026-12-04T07:00:00.000Z', '08:00 in Madrid');
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal((await phone(waId)).slice(before).filter((m) => m.direction === 'outbound').length, 0, 'nothing was sent during quiet hours');

  setClock('2026-12-04T07:00:10Z'); // 08:00:10 in Madrid
  const reminder = await nextReminder(waId, before);
  assert.equal(reminder.message.type, 'interactive', 'the patient wrote yesterday: the window is open, so buttons, not a template');
  assert.match(reminder.message.text ?? '', /Reminder: \*GP appointment\* with Dr\. Ana Torres/);
  // The phone can show it a moment before the dispatcher records the send (after Meta's answer).
  await waitFor(async () => (await reminderRows(appointment.id))[0]?.state === 'sent', 'the reminder to be recorded as sent');
  const [sent] = await reminderRows(appointment.id);
  assert.equal(new Date(sent!.sent_at!).toISOString(), '2026-12-04T07:00:10.000Z');
});

test('medication dose prompt: Snooze asks again 30 minutes later, then Taken is recorded', { timeout: 60_000 }, async () => {
  const waId = '34655000004';
  setClock('2026-12-04T07:30:00Z');
  const patientId = await consentedPatient(waId, 'Hans Weber');
  const plan = await s.hale.reminders.createMedicationPlan({ patientId, medication: 'Metformin 500 mg', doseText: '1 tablet of Metformin with breakfast', times: ['09:00', '19:00'], startDate: '2026-12-04', staffId: 'staff-1' });
  await assert.rejects(
    s.hale.reminders.createMedicationPlan({ patientId, medication: 'X', doseText: 'Y', times: ['23:00'], startDate: '2026-12-04', staffId: 'staff-1' }),
    /quiet hours/,
  );
  const doses = await s.hale.db.selectFrom('medication_doses').selectAll().where('plan_id', '=', plan.id).orderBy('scheduled_at').execute();
  assert.equal(new Date(doses[0]!.scheduled_at).toISOString(), '2026-12-04T08:00:00.000Z', '09:00 in Madrid');
  const doseId = doses[0]!.id;

  const before = (await phone(waId)).length;
  setClock('2026-12-04T08:00:20Z');
  const prompt = await nextReminder(waId, before);
  assert.match(prompt.message.text ?? '', /1 tablet of Metformin with breakfast/);
  assert.deepEqual(prompt.payloads, [`med:taken:${doseId}`, `med:snooze:${doseId}`, `med:skip:${doseId}`]);
  const snoozed = await prompt.tap(`med:snooze:${doseId}`, 'Snooze 30 min');
  assert.match(snoozed.map((m) => m.text ?? '').join('\n'), /30 minutes/);

  const afterSnooze = (await phone(waId)).length;
  setClock('2026-12-04T08:25:00Z');
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal((await phone(waId)).slice(afterSnooze).filter((m) => m.direction === 'outbound').length, 0, 'not before the 30 minutes are up');
  setClock('2026-12-04T08:31:00Z');
  const again = await nextReminder(waId, afterSnooze);
  const taken = await again.tap(`med:taken:${doseId}`, 'Taken');
  assert.match(taken.map((m) => m.text ?? '').join('\n'), /noted as taken/);
  const dose = await s.hale.db.selectFrom('medication_doses').selectAll().where('id', '=', doseId).executeTakeFirstOrThrow();
  assert.equal(dose.state, 'taken');
  assert.equal(dose.snoozes, 1);
});

test('a refill reminder’s “Request refill” creates a refill request for staff', { timeout: 60_000 }, async () => {
  const waId = '34655000005';
  setClock('2026-12-04T08:40:00Z');
  const patientId = await consentedPatient(waId, 'Ana Costa');
  const plan = await s.hale.reminders.createMedicationPlan({ patientId, medication: 'Ramipril 5 mg', doseText: '1 tablet', times: ['08:30'], startDate: '2026-12-05', runsOutOn: '2026-12-09', staffId: 'staff-1' });
  const before = (await phone(waId)).length;
  setClock('2026-12-04T09:00:30Z'); // 5 days before it runs out, 10:00 in Madrid
  const reminder = await nextReminder(waId, before);
  assert.match(reminder.message.text ?? '', /Ramipril 5 mg will run out around/);
  const replies = await reminder.tap(`refill:request:${plan.id}`, 'Request refill');
  assert.match(replies.map((m) => m.text ?? '').join('\n'), /refill request was sent/);
  const requests = await s.hale.db.selectFrom('refill_requests').selectAll().where('plan_id', '=', plan.id).execute();
  assert.equal(requests.length, 1);
  assert.equal(requests[0]?.state, 'open');
  const alerts = await s.hale.db.selectFrom('staff_alerts').selectAll().where('kind', '=', 'refill_requested').where('subject_id', '=', plan.id).execute();
  assert.equal(alerts.length, 1);
  assert.doesNotMatch(JSON.stringify(alerts[0]?.detail), /Ramipril/, 'alerts carry ids, not PHI');
});

test('after STOP no further reminders are sent', { timeout: 60_000 }, async () => {
  const waId = '34655000006';
  setClock('2026-12-04T09:10:00Z');
  const patientId = await consentedPatient(waId, 'Luis Romero');
  const appointment = await book(patientId, '2026-12-07T09:00:00Z'); // Monday 10:00 in Madrid
  await chat().say(waId, { text: 'STOP' });
  const before = (await phone(waId)).length;
  setClock('2026-12-06T09:00:30Z');
  await waitFor(async () => (await reminderRows(appointment.id))[0]?.state === 'skipped', 'the reminder to be skipped');
  const [skipped] = await reminderRows(appointment.id);
  assert.equal(skipped?.skip_reason, 'opted_out');
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal((await phone(waId)).slice(before).filter((m) => m.direction === 'outbound').length, 0, 'nothing reached the phone');
  assert.ok(!s.logs.some((line) => line.includes(waId) || line.includes('Luis')), 'no PHI in the logs');
});
