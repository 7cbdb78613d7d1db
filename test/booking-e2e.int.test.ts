/**
 * Booking by chat end to end through the simulator, with the bundled demo clinic: service →
 * day → time (held) → confirm → booked; then "my appointments" → cancel. In English and Spanish.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestStack, type TestStack } from './support/start-test-stack.ts';
import { buttonsOf, patientChat, rowsOf, type Row } from './support/patient-chat.ts';

let s: TestStack;
before(async () => {
  s = await startTestStack();
});
after(async () => {
  await s?.close();
});

const chat = () => patientChat(s);
const patientId = (waId: string) => chat().patientId(waId);
const say = (waId: string, body: Record<string, unknown>) => chat().say(waId, body);
const rows = rowsOf;
const buttons = buttonsOf;
const tapRow = (waId: string, row: Row) => say(waId, { type: 'interactive', list_reply: { id: row.id, title: row.title } });
const tapButton = (waId: string, row: Row) => say(waId, { type: 'interactive', button_reply: { id: row.id, title: row.title } });

for (const c of [
  { lang: 'en', waId: '34644000001', name: 'Emily Clarke', reason: 'Cough for two weeks', hello: 'Hello, I would like to see a doctor', booked: /Booked/, cancelled: /cancelled/ },
  { lang: 'es', waId: '34644000002', name: 'Lucía Fernández Ruiz', reason: 'Tos desde hace dos semanas', hello: 'Hola, buenas, quería pedir una cita', booked: /[Rr]eservad|[Cc]onfirmad|[Cc]ita/, cancelled: /cancelad|anulad/ },
]) {
  test(`book a GP visit and cancel it by chat (${c.lang})`, { timeout: 120_000 }, async () => {
    await say(c.waId, { name: `Booking ${c.lang}`, text: c.hello });
    const menu = await say(c.waId, { type: 'interactive', button_reply: { id: 'consent:agree', title: 'OK' } });
    const bookRow = rows(menu.at(-1)).find((r) => r.id === 'menu:book');
    assert.ok(bookRow, 'the menu offers booking');
    const servicesReply = await tapRow(c.waId, bookRow);
    const gp = rows(servicesReply.at(-1)).find((r) => r.id === 'svc:gp-visit');
    assert.ok(gp, `services: ${JSON.stringify(rows(servicesReply.at(-1)))}`);
    // Two doctors offer GP visits: the patient may pick one or take the first free time.
    const providers = await tapRow(c.waId, gp);
    const anyone = rows(providers.at(-1)).find((r) => r.id === 'prov:any');
    assert.ok(anyone, `providers: ${JSON.stringify(providers)}`);
    assert.ok(rows(providers.at(-1)).some((r) => r.id === 'prov:dr-torres'));
    const daysReply = await tapRow(c.waId, anyone);
    const days = rows(daysReply.at(-1)).filter((r) => r.id.startsWith('day:'));
    assert.ok(days.length >= 2, `days with room: ${JSON.stringify(daysReply)}`);
    // A day far enough away to cancel online (the demo's cut-off is 24 hours).
    const timesReply = await tapRow(c.waId, days.at(-1)!);
    const times = rows(timesReply.at(-1)).filter((r) => r.id.startsWith('slot:'));
    assert.ok(times.length >= 1 && times.length <= 9, `times: ${JSON.stringify(timesReply)}`);
    const askName = await tapRow(c.waId, times[0]!);
    assert.equal(askName.length, 1, 'the first booking asks for the full name');
    await say(c.waId, { text: c.name });
    const confirm = await say(c.waId, { text: '14/05/1990' });
    const bookIt = buttons(confirm.at(-1)).find((b) => b.id === 'book:confirm');
    assert.ok(bookIt, `confirm buttons: ${JSON.stringify(confirm)}`);
    const pid = await patientId(c.waId);
    assert.equal((await s.hale.db.selectFrom('slot_holds').select('id').where('patient_id', '=', pid).execute()).length, 1, 'the slot is held while the patient confirms');
    const patient = await s.hale.db.selectFrom('patients').select(['full_name_enc', 'birth_date_enc']).where('id', '=', pid).executeTakeFirstOrThrow();
    assert.equal(s.hale.cipher.decrypt(patient.full_name_enc ?? ''), c.name);
    assert.equal(s.hale.cipher.decrypt(patient.birth_date_enc ?? ''), '1990-05-14');
    const booked = await tapButton(c.waId, bookIt);
    assert.match(booked.map((m) => m.text ?? '').join('\n'), c.booked);
    assert.match(booked.map((m) => m.text ?? '').join('\n'), /Calle de la Salud 12/, 'the confirmation carries the address');
    const ics = booked.find((m) => m.type === 'document');
    assert.ok(ics, `an .ics file follows the confirmation: ${JSON.stringify(booked.map((m) => m.type))}`);
    const document = (ics as { media?: { id?: string; filename?: string } }).media;
    assert.equal(document?.filename, 'appointment.ics', JSON.stringify(ics));
    const calendar = await (await fetch(`${s.simulatorUrl}/simulator/api/media/${document?.id ?? ''}`)).text();
    assert.match(calendar, /^BEGIN:VCALENDAR/);
    assert.match(calendar, /DTSTART:\d{8}T\d{6}Z/);
    assert.match(calendar, /LOCATION:Calle de la Salud 12\\, 28010 Madrid/);
    // The service's pre-visit questionnaire follows: a free answer, then a yes/no question.
    const medication = await say(c.waId, { text: c.reason });
    const yes = buttons(medication.at(-1)).find((b) => b.id === 'intake:yes');
    assert.ok(yes, `yes/no question: ${JSON.stringify(medication)}`);
    await tapButton(c.waId, yes);
    const appointments = await s.hale.db.selectFrom('appointments').selectAll().where('patient_id', '=', pid).execute();
    assert.equal(appointments.length, 1);
    assert.equal(appointments[0]?.status, 'booked');
    assert.equal(appointments[0]?.service_id, 'gp-visit');

    const menuAgain = await say(c.waId, { text: 'menu' });
    const mine = rows(menuAgain.at(-1)).find((r) => r.id === 'menu:appointments');
    assert.ok(mine);
    const list = await tapRow(c.waId, mine);
    const responses = await s.hale.db.selectFrom('questionnaire_responses').selectAll().where('patient_id', '=', pid).execute();
    assert.equal(responses.length, 1);
    assert.equal(responses[0]?.questionnaire, 'intake/gp-visit');
    assert.equal(responses[0]?.appointment_id, appointments[0]?.id);
    assert.doesNotMatch(responses[0]?.items_enc ?? '', new RegExp(c.reason), 'answers are stored encrypted');
    const items = JSON.parse(s.hale.cipher.decrypt(responses[0]?.items_enc ?? '')) as Array<{ linkId: string; answer: { value: unknown } }>;
    assert.deepEqual(items.map((i) => [i.linkId, i.answer.value]), [['reason', c.reason], ['medication', true]]);

    const apptRow = rows(list.at(-1)).find((r) => r.id === `appt:${appointments[0]?.id}`);
    assert.ok(apptRow, `appointment list: ${JSON.stringify(list)}`);
    const actions = await tapRow(c.waId, apptRow);
    const cancelRow = buttons(actions.at(-1)).find((b) => b.id === `cancel:${appointments[0]?.id}`);
    assert.ok(cancelRow, `actions: ${JSON.stringify(actions)}`);
    const cancelled = await tapButton(c.waId, cancelRow);
    assert.match(cancelled.map((m) => m.text ?? '').join('\n'), c.cancelled);
    const after = await s.hale.db.selectFrom('appointments').select('status').where('patient_id', '=', pid).executeTakeFirstOrThrow();
    assert.equal(after.status, 'cancelled');
  });
}
