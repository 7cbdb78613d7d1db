/**
 * Booking changes end to end through the simulator, with the bundled demo clinic, in English and
 * Spanish: change an appointment's time from "my appointments"; a request that staff confirm
 * (the patient is told); a freed slot offered from the waitlist and accepted (English: inside
 * the 24-hour window, as buttons; Spanish: outside it, as the approved template).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { waitFor } from './support/start-test-hale.ts';
import { startTestStack, type TestStack } from './support/start-test-stack.ts';
import { buttonsOf, patientChat, rowsOf, type Row, type SimMessage } from './support/patient-chat.ts';

let s: TestStack;
before(async () => {
  s = await startTestStack();
});
after(async () => {
  await s?.close();
});

const chat = () => patientChat(s);
const say = (waId: string, body: Record<string, unknown>) => chat().say(waId, body);
const tap = (waId: string, row: Row) => say(waId, { type: 'interactive', list_reply: { id: row.id, title: row.title } });
const press = (waId: string, row: Row) => say(waId, { type: 'interactive', button_reply: { id: row.id, title: row.title } });
const texts = (messages: SimMessage[]) => messages.map((m) => m.text ?? '').join('\n');
const choices = (m: SimMessage | undefined) => [...rowsOf(m), ...buttonsOf(m)];
function pick(messages: SimMessage[], match: (id: string) => boolean, what: string): Row {
  const found = choices(messages.at(-1)).find((r) => match(r.id));
  assert.ok(found, `${what}: ${JSON.stringify(messages)}`);
  return found;
}

/** A patient's first contact: hello, consent, the menu. */
async function start(waId: string, hello: string): Promise<SimMessage[]> {
  await say(waId, { name: `Patient ${waId}`, text: hello });
  return say(waId, { type: 'interactive', button_reply: { id: 'consent:agree', title: 'OK' } });
}

/** Menu → book → service → (provider: anyone) → the last day offered → its first time → details once → confirm. */
async function book(waId: string, serviceId: string, menu: SimMessage[], details?: { name: string; birthDate: string }): Promise<SimMessage[]> {
  const services = await tap(waId, pick(menu, (id) => id === 'menu:book', 'menu'));
  let days = await tap(waId, pick(services, (id) => id === `svc:${serviceId}`, 'services'));
  if (choices(days.at(-1)).some((r) => r.id === 'prov:any')) days = await tap(waId, pick(days, (id) => id === 'prov:any', 'providers'));
  const dayRows = choices(days.at(-1)).filter((r) => r.id.startsWith('day:'));
  assert.ok(dayRows.length > 0, `days: ${JSON.stringify(days)}`);
  const times = await tap(waId, dayRows.at(-1)!);
  let confirm = await tap(waId, pick(times, (id) => id.startsWith('slot:'), 'times'));
  if (details !== undefined) {
    await say(waId, { text: details.name });
    confirm = await say(waId, { text: details.birthDate });
  }
  return press(waId, pick(confirm, (id) => id === 'book:confirm', 'confirm'));
}

/** Skips the pre-visit questions, if any. */
async function skipIntake(waId: string, replies: SimMessage[]): Promise<void> {
  let last = replies;
  while (choices(last.at(-1)).some((r) => r.id === 'intake:skip')) last = await press(waId, pick(last, (id) => id === 'intake:skip', 'skip'));
}

async function appointmentsOf(waId: string) {
  const pid = await chat().patientId(waId);
  return s.hale.db.selectFrom('appointments').selectAll().where('patient_id', '=', pid).orderBy('created_at').execute();
}

/** Waits for a message Hale starts (not a reply) to reach the phone. */
async function nextMessage(waId: string, before: number, what: string): Promise<SimMessage[]> {
  let found: SimMessage[] = [];
  await waitFor(async () => {
    const all = (await s.sim<{ messages: SimMessage[] }>('GET', `/conversations/${waId}`)).messages;
    found = all.slice(before).filter((m) => m.direction === 'outbound');
    return found.length > 0;
  }, what, 30_000);
  await chat().settle(waId);
  return found;
}
const conversationLength = async (waId: string) => (await s.sim<{ messages: SimMessage[] }>('GET', `/conversations/${waId}`)).messages.length;

for (const c of [
  {
    lang: 'en',
    patient: '34655000001',
    waiting: '34655000002',
    hello: 'Hello, I would like an appointment',
    helloWaiting: 'Hi there, I need to see a doctor please',
    details: { name: 'Oliver Bennett', birthDate: '02/03/1985' },
    moved: /moved/,
    requested: /request/,
    confirmed: /confirmed/,
    joined: /waitlist/,
    offer: /become free/,
    windowClosed: false,
  },
  {
    lang: 'es',
    patient: '34655000003',
    waiting: '34655000004',
    hello: 'Hola, quería pedir una cita',
    helloWaiting: 'Buenas tardes, necesito una cita con el médico',
    details: { name: 'Carmen Ortega Gil', birthDate: '21/07/1979' },
    moved: /cambiado/,
    requested: /solicitud|enviado/,
    confirmed: /confirmado/,
    joined: /lista de espera/,
    offer: /libre/,
    windowClosed: true,
  },
]) {
  test(`change an appointment's time by chat (${c.lang})`, { timeout: 180_000 }, async () => {
    const menu = await start(c.patient, c.hello);
    await skipIntake(c.patient, await book(c.patient, 'gp-visit', menu, c.details));
    const [first] = await appointmentsOf(c.patient);
    assert.equal(first?.status, 'booked');

    const list = await tap(c.patient, pick(await say(c.patient, { text: 'menu' }), (id) => id === 'menu:appointments', 'menu'));
    const actions = await tap(c.patient, pick(list, (id) => id === `appt:${first?.id}`, 'appointments'));
    let days = await press(c.patient, pick(actions, (id) => id === `move:${first?.id}`, 'actions'));
    if (choices(days.at(-1)).some((r) => r.id === 'prov:any')) days = await tap(c.patient, pick(days, (id) => id === 'prov:dr-weber', 'providers'));
    const dayRows = choices(days.at(-1)).filter((r) => r.id.startsWith('day:'));
    const times = await tap(c.patient, dayRows.at(-2) ?? dayRows[0]!);
    // Until the new time is booked the old appointment stands.
    const confirm = await tap(c.patient, pick(times, (id) => id.startsWith('slot:dr-weber@'), 'times'));
    assert.equal((await appointmentsOf(c.patient)).filter((a) => a.status === 'booked').length, 1);
    const moved = await press(c.patient, pick(confirm, (id) => id === 'book:confirm', 'confirm'));
    assert.match(texts(moved), c.moved);
    assert.ok(moved.some((m) => m.type === 'document'), 'a new calendar file');
    const after = await appointmentsOf(c.patient);
    const old = after.find((a) => a.id === first?.id);
    const replacement = after.find((a) => a.rescheduled_from === first?.id);
    assert.equal(old?.status, 'cancelled');
    assert.equal(old?.cancel_reason, 'rescheduled');
    assert.equal(replacement?.status, 'booked');
    assert.equal(replacement?.practitioner_id, 'dr-weber');
  });

  test(`a request staff confirm, and the patient is told (${c.lang})`, { timeout: 120_000 }, async () => {
    const menu = await say(c.patient, { text: 'menu' });
    const requested = await book(c.patient, 'mole-check', menu);
    assert.match(texts(requested), c.requested);
    const request = (await appointmentsOf(c.patient)).find((a) => a.service_id === 'mole-check');
    assert.equal(request?.status, 'pending');
    const before = await conversationLength(c.patient);
    await s.hale.booking.decideRequest({ appointmentId: request?.id ?? '', staffId: 'staff-1', decision: 'confirm' });
    const told = await nextMessage(c.patient, before, 'the decision');
    assert.match(texts(told), c.confirmed);
    assert.equal((await appointmentsOf(c.patient)).find((a) => a.id === request?.id)?.status, 'booked');
    // The calendar file follows, as after a booking in the chat (the patient wrote within 24 hours).
    let calendarFile: SimMessage | undefined;
    await waitFor(async () => {
      const all = (await s.sim<{ messages: SimMessage[] }>('GET', `/conversations/${c.patient}`)).messages;
      calendarFile = all.slice(before).find((m) => m.direction === 'outbound' && m.type === 'document');
      return calendarFile !== undefined;
    }, 'the calendar file of the confirmed request', 30_000);
    const document = (calendarFile as { media?: { id?: string; filename?: string } }).media;
    assert.equal(document?.filename, 'appointment.ics');
    const calendar = await (await fetch(`${s.simulatorUrl}/simulator/api/media/${document?.id ?? ''}`)).text();
    assert.match(calendar, /^BEGIN:VCALENDAR/);
    assert.match(calendar, /DTSTART/);
  });

  test(`a freed slot offered from the waitlist is accepted (${c.lang}${c.windowClosed ? ', template outside the 24-hour window' : ''})`, { timeout: 180_000 }, async () => {
    // The first patient books a child vaccination (one nurse offers it)…
    const menu = await say(c.patient, { text: 'menu' });
    await skipIntake(c.patient, await book(c.patient, 'child-vaccination', menu));
    const taken = (await appointmentsOf(c.patient)).find((a) => a.service_id === 'child-vaccination' && a.status === 'booked');
    assert.ok(taken);
    // …a second patient finds nothing that suits and joins the waitlist for a month.
    const waitingMenu = await start(c.waiting, c.helloWaiting);
    const services = await tap(c.waiting, pick(waitingMenu, (id) => id === 'menu:book', 'menu'));
    let days = await tap(c.waiting, pick(services, (id) => id === 'svc:child-vaccination', 'services'));
    if (choices(days.at(-1)).some((r) => r.id === 'prov:any')) days = await tap(c.waiting, pick(days, (id) => id === 'prov:any', 'providers'));
    const windows = await tap(c.waiting, pick(days, (id) => id === 'wait:join', 'days'));
    const joined = await press(c.waiting, pick(windows, (id) => id === 'wait:30', 'windows'));
    assert.match(texts(joined), c.joined);
    const waitingId = await chat().patientId(c.waiting);
    if (c.windowClosed) {
      await sql`UPDATE patients SET last_inbound_at = now() - interval '25 hours' WHERE id = ${waitingId}`.execute(s.hale.db);
    }

    // The first patient cancels: the slot is offered to the waiting patient.
    const before = await conversationLength(c.waiting);
    const list = await tap(c.patient, pick(await say(c.patient, { text: 'menu' }), (id) => id === 'menu:appointments', 'menu'));
    const actions = await tap(c.patient, pick(list, (id) => id === `appt:${taken.id}`, 'appointments'));
    await press(c.patient, pick(actions, (id) => id === `cancel:${taken.id}`, 'actions'));
    const offer = await nextMessage(c.waiting, before, 'the waitlist offer');
    let booked: SimMessage[];
    if (c.windowClosed) {
      const template = offer.find((m) => m.type === 'template') as (SimMessage & { rendered?: { body?: string; buttons?: Array<{ payload?: string; text?: string }> } }) | undefined;
      assert.ok(template, `a template outside the window: ${JSON.stringify(offer)}`);
      assert.match(template.rendered?.body ?? JSON.stringify(template), c.offer);
      const yes = template.rendered?.buttons?.find((b) => b.payload?.startsWith('wl:yes:'));
      assert.ok(yes?.payload);
      booked = await say(c.waiting, { type: 'button', payload: yes.payload, text: yes.text ?? 'Reservar' });
    } else {
      assert.match(texts(offer), c.offer);
      booked = await press(c.waiting, pick(offer, (id) => id.startsWith('wl:yes:'), 'offer'));
    }
    await skipIntake(c.waiting, booked);
    const mine = await s.hale.db.selectFrom('appointments').selectAll().where('patient_id', '=', waitingId).execute();
    assert.equal(mine.length, 1);
    assert.equal(mine[0]?.status, 'booked');
    assert.equal(mine[0]?.start_at.getTime(), taken.start_at.getTime());
    assert.equal(mine[0]?.practitioner_id, taken.practitioner_id);
    const entry = await s.hale.db.selectFrom('waitlist_entries').selectAll().where('patient_id', '=', waitingId).executeTakeFirstOrThrow();
    assert.equal(entry.state, 'booked');
    assert.equal(entry.appointment_id, mine[0]?.id);
  });
}
